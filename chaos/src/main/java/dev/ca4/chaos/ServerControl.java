package dev.ca4.chaos;

import dev.ca4.bench.pipeline.PrometheusScrape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One of the two Liberty servers as the harness breaks it: a server of the build driven by its {@code bin/server}
 * script ({@link LibertyServer}, make chaos) or a container of its image driven by podman ({@link ContainerServer},
 * make test-images). Health and metrics are read over HTTP(S) at {@link #base()} either way.
 */
public abstract class ServerControl {
    private final String name;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    protected ServerControl(String name, URI base) {
        this.name = name;
        this.base = base;
    }

    public String name() {
        return name;
    }

    public URI base() {
        return base;
    }

    /** The server JVM's pid on this machine, while it runs. */
    public abstract Optional<Long> pid();

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no offset commit, nothing flushed. */
    public abstract void kill9() throws Exception;

    /** A graceful stop (Liberty's own stop, or SIGTERM); returns once the server is down. */
    public abstract void stop() throws Exception;

    /** Starts the server; returns once Liberty reports it started. */
    public abstract void start() throws Exception;

    public boolean ready() {
        return status("/health/ready") == 200;
    }

    /** The HTTP status of GET path, or -1 when nothing answers. */
    protected int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A Prometheus sample of /metrics (first series of that name), or NaN. */
    public double metric(String prefix) {
        return PrometheusScrape.sample(http, base, prefix);
    }

    /**
     * Runs a command with its output discarded and fails unless it exits with one of {@code okExits} within
     * 3 minutes.
     */
    static void run(List<String> cmd, int... okExits) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroy();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 3 minutes");
        }
        for (int ok : okExits) {
            if (p.exitValue() == ok) {
                return;
            }
        }
        throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue());
    }
}
