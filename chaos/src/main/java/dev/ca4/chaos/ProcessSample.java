package dev.ca4.chaos;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One look at a server's JVM: heap used right after a full GC ({@code jcmd <pid> GC.run}, then the server's own
 * {@code memory_usedHeap_bytes}), open file descriptors ({@code /proc/<pid>/fd}) and threads
 * ({@code /proc/<pid>/status}). -1 where a figure could not be read.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProcessSample(String server, double atSeconds, long heapAfterGcBytes, long fds, long threads) {

    public static ProcessSample take(ServerControl server, double atSeconds) {
        long pid = server.pid().orElse(-1L);
        if (pid < 0) {
            return new ProcessSample(server.name(), atSeconds, -1, -1, -1);
        }
        long heap = -1;
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                double used = server.metric("memory_usedHeap_bytes");
                heap = Double.isNaN(used) ? -1 : (long) used;
            }
        } catch (IOException e) {
            // no jcmd: heap stays unknown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ProcessSample(server.name(), atSeconds, heap, fds(pid), threads(pid));
    }

    static long fds(long pid) {
        try (Stream<Path> s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    static long threads(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("Threads:")).map(l -> Long.parseLong(l.substring(8).trim()))
                    .findFirst().orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
