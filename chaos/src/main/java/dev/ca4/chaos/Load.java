package dev.ca4.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.bench.pipeline.BodyTemplate;
import dev.ca4.event.EventJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Several client threads sending unique events at a steady total rate, half of them one event per
 * {@code POST /metadata}, half {@code POST /metadata/batch} of {@link #BATCH} events; every answer goes to the
 * {@link Ledger}. With {@code retry} on, a client answered 503 (or losing its connection) sends the same events
 * again, same event_id and body, until accepted or the retry deadline passes, as the producer does; the load
 * pauses for that client meanwhile.
 */
public final class Load {
    static final int BATCH = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long RETRY_PAUSE_MS = 500;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final URI single;
    private final URI batch;
    private final String apiKey;
    private final BodyTemplate template;
    private final Ledger ledger;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();

    public Load(URI api, String apiKey, BodyTemplate template, Ledger ledger) {
        this.single = api.resolve("/metadata");
        this.batch = api.resolve("/metadata/batch");
        this.apiKey = apiKey;
        this.template = template;
        this.ledger = ledger;
    }

    /** Requests sent, and those not answered 202 (for progress lines). */
    public long requests() {
        return requests.get();
    }

    public long failedRequests() {
        return failedRequests.get();
    }

    /**
     * Sends for {@code seconds} at {@code ratePerSecond} events/s over {@code clients} threads and returns once
     * every thread stopped (retries may run up to {@code retryGraceSeconds} past the end).
     */
    public void run(int clients, double ratePerSecond, double seconds, boolean retry, double retryGraceSeconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long retryDeadline = end + (long) (retryGraceSeconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            boolean batched = c % 2 == 1;
            double perThread = ratePerSecond / clients;
            Thread t = new Thread(() -> client(batched, perThread, start, end, retry, retryDeadline),
                    "chaos-client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void client(boolean batched, double rate, long start, long end, boolean retry, long retryDeadline) {
        int perRequest = batched ? BATCH : 1;
        long interval = (long) (perRequest * 1e9 / rate);
        long next = start + (long) (Math.random() * interval); // spread the clients over one interval
        while (next < end) {
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Map<String, byte[]> events = new LinkedHashMap<>();
            Instant now = Instant.now();
            for (int i = 0; i < perRequest; i++) {
                String id = UUID.randomUUID().toString();
                events.put(id, template.body(id, now));
            }
            Map<String, byte[]> pending = send(batched, events);
            while (retry && !pending.isEmpty() && System.nanoTime() < retryDeadline) {
                sleepMs(RETRY_PAUSE_MS);
                pending = send(batched, pending);
            }
            next = Math.max(next + interval, System.nanoTime() - interval); // late: do not burst to catch up
        }
    }

    /** One request; returns the events to send again (answered 503 or lost). */
    private Map<String, byte[]> send(boolean batched, Map<String, byte[]> events) {
        requests.incrementAndGet();
        Map<String, byte[]> again = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(events.keySet());
        HttpResponse<byte[]> r;
        try {
            r = http.send(HttpRequest.newBuilder(batched ? batch : single).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(batched ? array(events.values())
                            : events.values().iterator().next())).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            failedRequests.incrementAndGet();
            ids.forEach(id -> ledger.record(id, Ledger.Answer.CONNECTION_ERROR));
            return events;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ids.forEach(id -> ledger.record(id, Ledger.Answer.CONNECTION_ERROR));
            return Map.of();
        }
        List<Ledger.Answer> answers = answers(r.statusCode(), r.body(), ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Ledger.Answer a = answers.get(i);
            ledger.record(ids.get(i), a);
            if (a == Ledger.Answer.REFUSED || a == Ledger.Answer.UNCONFIRMED || a == Ledger.Answer.CONNECTION_ERROR) {
                again.put(ids.get(i), events.get(ids.get(i)));
            }
        }
        if (r.statusCode() != 202) {
            failedRequests.incrementAndGet();
        }
        return again;
    }

    /**
     * The answer for each event of a request: 202 all accepted, 207 per item, 503 refused or unconfirmed (by its
     * problem type), 4xx rejected; another 5xx (a server shutting down) is treated like a lost answer, the event
     * may have been published.
     */
    static List<Ledger.Answer> answers(int status, byte[] body, int n) {
        List<Ledger.Answer> out = new ArrayList<>(n);
        if (status == 207) {
            for (int i = 0; i < n; i++) {
                out.add(Ledger.Answer.CONNECTION_ERROR);
            }
            try {
                for (JsonNode item : EventJson.MAPPER.readTree(body).path("results")) {
                    out.set(item.path("index").asInt(), of(item.path("status").asInt(), item.path("type").asText()));
                }
            } catch (IOException e) {
                // unreadable: every item stays unknown
            }
            return out;
        }
        Ledger.Answer answer = of(status, status == 503 ? problemType(body) : "");
        for (int i = 0; i < n; i++) {
            out.add(answer);
        }
        return out;
    }

    private static Ledger.Answer of(int status, String problemType) {
        if (status == 202) {
            return Ledger.Answer.ACCEPTED;
        }
        if (status == 503) { // only a 503 that says "not stored" promises the event is not stored
            return problemType.equals(NOT_STORED) ? Ledger.Answer.REFUSED : Ledger.Answer.UNCONFIRMED;
        }
        return status >= 400 && status < 500 ? Ledger.Answer.REJECTED : Ledger.Answer.CONNECTION_ERROR;
    }

    private static String problemType(byte[] body) {
        try {
            return EventJson.MAPPER.readTree(body).path("type").asText();
        } catch (IOException e) {
            return ""; // unreadable: makes no promise
        }
    }

    /** The processor's 503 for an event that never reached a broker (its other 503 is publish-unconfirmed). */
    static final String NOT_STORED = "urn:ca4:problem:kafka-unavailable";

    private static byte[] array(Iterable<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        boolean first = true;
        for (byte[] b : bodies) {
            if (!first) {
                out.write(',');
            }
            out.writeBytes(b);
            first = false;
        }
        out.write(']');
        return out.toByteArray();
    }

    private static void sleepMs(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
