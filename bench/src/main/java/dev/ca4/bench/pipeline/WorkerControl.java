package dev.ca4.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the worker's Liberty server with its own script, as {@code make servers-up} does. The server
 * inherits this process's environment (make passes local.env and the secrets), plus the overrides given to
 * {@link #start(Map)}, e.g. {@code CA4_ARCHIVE_ENABLED}.
 */
public final class WorkerControl {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path script;
    private final URI ready;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI worker;

    public WorkerControl(Path script, URI worker) {
        this.script = script;
        this.worker = worker;
        this.ready = worker.resolve("/health/ready");
    }

    /** A sample of the worker's /metrics (NaN when absent). */
    public double metric(String prefix) {
        return PrometheusScrape.sample(http, worker, prefix);
    }

    /**
     * The worker JVM's CPU and collection time so far, from its MicroProfile base metrics (NaN where not
     * answering): what a stretch of a drain cost the worker, whatever the other processes took.
     */
    public WorkerUsage usage() {
        String metrics = PrometheusScrape.fetch(http, worker); // one scrape: both figures from the same instant
        return metrics == null ? WorkerUsage.UNKNOWN
                : new WorkerUsage(PrometheusScrape.valueOf(metrics, "cpu_processCpuTime_seconds", false),
                PrometheusScrape.valueOf(metrics, "gc_time_seconds", false));
    }

    /** Seconds of CPU the worker's process used, and of collection pauses (all collectors), since its start. */
    public record WorkerUsage(double cpuSeconds, double gcSeconds) {
        public static final WorkerUsage UNKNOWN = new WorkerUsage(Double.NaN, Double.NaN);

        public WorkerUsage minus(WorkerUsage before) {
            return new WorkerUsage(cpuSeconds - before.cpuSeconds, gcSeconds - before.gcSeconds);
        }
    }

    public boolean running() throws IOException, InterruptedException {
        return server(Map.of(), "status", "worker") == 0;
    }

    public void stop() throws IOException, InterruptedException {
        if (running()) {
            check(server(Map.of(), "stop", "worker"), "stop");
        }
    }

    /** Starts the worker (stopping it first if it runs) and waits until it reports ready. */
    public void start(Map<String, String> env) throws IOException, InterruptedException {
        stop();
        check(server(env, "start", "worker", "--clean"), "start");
        awaitReady();
    }

    public void ensureRunning() throws IOException, InterruptedException {
        if (!running()) {
            check(server(Map.of(), "start", "worker", "--clean"), "start");
        }
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("worker not ready after " + READY_TIMEOUT.toSeconds() + " s: " + ready);
    }

    private int server(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = script.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroy();
            throw new IllegalStateException(script + " " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        return p.exitValue();
    }

    private void check(int rc, String what) {
        if (rc != 0) {
            throw new IllegalStateException("worker " + what + " failed (" + script + " exit " + rc + ")");
        }
    }
}
