package dev.ca4.bench.e2e;

import dev.ca4.bench.pipeline.BodyTemplate;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;

/**
 * Sends one event per scheduled instant with the JDK's asynchronous HTTP client: the sending thread waits for the
 * next intended time and, when {@code maxInFlight} requests are already unanswered, for one of them (a client's
 * connection pool, as wrk2 keeps a fixed set of connections). Every latency runs from the <b>intended</b> time, so
 * an event that waited for a connection counts that wait (no coordinated omission). Without the bound, each
 * request sent while all others were unanswered opened a new connection: at 500/s with answers taking a second
 * the client held ~500 connections, and opening them cost the client, the processor and the machine more than
 * the events (bench/README.md, "End to end, fourth round"). Each event carries its own event_id and produced_at =
 * its intended send time.
 * <p>
 * Each request is a blocking {@code send} on one of {@code maxInFlight} threads of the sender's own. The JDK's
 * {@code sendAsync} completes every answer through {@code ForkJoinPool.commonPool()}, which on a 2-core machine
 * (common parallelism 1) means a new thread per answer: at 500/s, 500 threads started a second, the client's largest
 * cost in a profile (bench/README.md, "End to end, sixth round").
 */
public final class OpenLoopSender implements AutoCloseable {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final String apiKey;
    private final List<BodyTemplate> templates;
    private final int maxInFlight;
    private final ExecutorService senders;

    public OpenLoopSender(URI url, String apiKey, BodyTemplate template, int maxInFlight) {
        this(url, apiKey, List.of(template), maxInFlight);
    }

    /** Sends the templates in turn (events with different embeddings, for the search service's index). */
    public OpenLoopSender(URI url, String apiKey, List<BodyTemplate> templates, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        this.url = url;
        this.apiKey = apiKey;
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no body template");
        }
        this.templates = List.copyOf(templates);
        this.maxInFlight = maxInFlight;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(maxInFlight, r -> {
            Thread t = new Thread(r, "ca4-bench-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the schedule; {@code onAccepted} gets each event answered 202 with its intended send time (nanoTime). */
    public SendResult run(OpenLoopSchedule schedule, ObjLongConsumer<String> onAccepted) {
        Histogram response = new Histogram(MAX_MICROS, 3);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicLong non202 = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(schedule.count());
        Semaphore connections = new Semaphore(maxInFlight);
        long maxLag = 0;
        for (int i = 0; i < schedule.count(); i++) {
            long intended = schedule.intendedNanos(i);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            connections.acquireUninterruptibly();
            maxLag = Math.max(maxLag, System.nanoTime() - intended);
            String id = UUID.randomUUID().toString();
            HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            templates.get(i % templates.size()).body(id, schedule.intendedWall(i))))
                    .build();
            inFlight.add(CompletableFuture.supplyAsync(() -> send(req), senders).handle((r, failure) -> {
                connections.release();
                long micros = Math.min(MAX_MICROS, (System.nanoTime() - intended) / 1000);
                synchronized (response) {
                    response.recordValue(micros);
                }
                if (failure == null && r.statusCode() == 202) {
                    accepted.add(id);
                    onAccepted.accept(id, intended);
                } else {
                    non202.incrementAndGet();
                }
                return null;
            }));
        }
        // The sending span: from request 0 to one interval past the last (equals the planned length when on time).
        double elapsed = (System.nanoTime() - schedule.startNanos()) / 1e9 + 1 / schedule.ratePerSecond();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return new SendResult(schedule.count(), List.copyOf(accepted), non202.get(), response, maxLag / 1000,
                elapsed);
    }

    /** Stops the sending threads (a run in progress has already waited for all its answers). */
    @Override
    public void close() {
        senders.shutdownNow();
    }

    private HttpResponse<Void> send(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }
}
