package dev.ca4.producer.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks {@code nvidia-smi} what ND4J cannot tell: driver version and compute capability (and name and memory, for
 * cross-checking). Absent command, non-zero exit or a timeout all mean "no answer", never an error.
 */
public final class NvidiaSmi {

    /** One GPU as nvidia-smi reports it; a field it could not give is null. */
    public record Gpu(String name, Long memoryTotalMb, String driverVersion, String computeCapability) {
    }

    static final String QUERY = "--query-gpu=name,memory.total,driver_version,compute_cap";
    private final String command;

    /** @param command the executable, normally {@code nvidia-smi} found on the PATH */
    public NvidiaSmi(String command) {
        this.command = command;
    }

    public Optional<List<Gpu>> query() {
        try {
            Process p = new ProcessBuilder(command, QUERY, "--format=csv,noheader,nounits")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            List<Gpu> gpus = parse(out);
            return gpus.isEmpty() ? Optional.empty() : Optional.of(gpus);
        } catch (IOException e) {
            return Optional.empty(); // not installed: a CPU machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Lines of {@code name, memory MiB, driver, compute capability}; "[N/A]" or unparsable fields become null. */
    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] f = line.split(",");
            if (f.length < 4 || f[0].isBlank()) {
                continue;
            }
            gpus.add(new Gpu(field(f[0]), number(f[1]), field(f[2]), field(f[3])));
        }
        return gpus;
    }

    private static String field(String s) {
        String t = s.strip();
        return t.isEmpty() || t.startsWith("[") ? null : t;
    }

    private static Long number(String s) {
        String t = field(s);
        try {
            return t == null ? null : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
