package dev.ca4.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling waits for tests that drive the local pipeline: one implementation for every module's ITs. */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Await() {
    }

    /**
     * Polls until {@code condition} holds; a condition that throws counts as "not yet" (a service may be
     * down on purpose). Throws an {@link AssertionError} naming {@code what} when {@code timeout} passes.
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not there yet
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    /** Waits until {@code url} answers 200 (a Liberty server's /health/ready after the build started it). */
    public static void ok(String url, Duration timeout) throws InterruptedException {
        until("200 from " + url, timeout, () -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /**
     * {@link #ok} for a test helper's static initializer (which cannot throw InterruptedException): an interrupt
     * keeps the thread's flag and fails, instead of letting the tests start against a server not yet ready.
     */
    public static void ready(String url, Duration timeout) {
        try {
            ok(url, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + url, e);
        }
    }
}
