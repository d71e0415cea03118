package dev.ca4.bench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Debian {@code wrk} load generator with post-event.lua against one URL. */
public final class WrkRunner {
    private final Path script;
    private final String apiKey;

    public WrkRunner(Path workDir, String apiKey) throws IOException {
        this.script = workDir.resolve("post-event.lua");
        try (InputStream in = WrkRunner.class.getResourceAsStream("post-event.lua")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        this.apiKey = apiKey;
    }

    /** The bodies in turn, on {@code connections} keep-alive connections on at most 2 threads (the machine has 2 cores) for {@code seconds}. */
    public WrkResult run(URI url, List<Path> bodies, int connections, int seconds) throws IOException, InterruptedException {
        int threads = Math.min(2, connections);
        List<String> cmd = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), url.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("CA4_BENCH_BODIES", String.join(":", bodies.stream().map(Path::toString).toList()));
        pb.environment().put("CA4_BENCH_API_KEY", apiKey);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("wrk exited " + p.exitValue() + ":\n" + out);
        }
        return WrkOutputParser.parse(out);
    }
}
