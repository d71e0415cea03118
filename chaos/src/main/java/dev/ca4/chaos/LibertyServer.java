package dev.ca4.chaos;

import dev.ca4.bench.pipeline.PrometheusScrape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One of the two Liberty servers, driven by its own {@code bin/server} script as {@code make servers-up} does
 * (the server inherits this process's environment: make passes local.env and the secrets). Its pid is the one
 * the script records in {@code usr/servers/.pid/<name>.pid}.
 */
public final class LibertyServer {
    private final String name;
    private final Path script;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LibertyServer(String name, Path script, URI base) {
        this.name = name;
        this.script = script;
        this.base = base;
    }

    public String name() {
        return name;
    }

    public URI base() {
        return base;
    }

    public Optional<Long> pid() {
        Path file = script.getParent().getParent().resolve("usr/servers/.pid/" + name + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no offset commit, nothing flushed. */
    public void kill9() throws Exception {
        long pid = pid().orElseThrow(() -> new IllegalStateException(name + " is not running"));
        Process p = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed");
        }
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    }

    public void stop() throws Exception {
        script("stop", name);
    }

    /** Starts the server (the script returns once Liberty reports it started). */
    public void start() throws Exception {
        script("start", name);
    }

    public boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A Prometheus sample of /metrics (first series of that name), or NaN. */
    public double metric(String prefix) {
        return PrometheusScrape.sample(http, base, prefix);
    }

    private void script(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = script.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroy();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 3 minutes");
        }
        if (p.exitValue() != 0 && !(args[0].equals("stop") && p.exitValue() == 1)) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue());
        }
    }
}
