package dev.ca4.producer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.event.SampleEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's answer handling, against a scripted HTTP server: the real processor never answers 429 or 502 and
 * cannot be made to fail one item of a batch on demand (its Kafka outage is covered by KafkaOutageIT).
 */
class ProcessorClientTest {
    private static final String KEY = "secret-key";

    private record Reply(int status, String body, String retryAfter) {
    }

    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private HttpServer server;

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metadata/batch", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private synchronized void answer(HttpExchange ex) throws IOException {
        arrivals.add(System.nanoTime());
        received.add(EventJson.MAPPER.readTree(ex.getRequestBody().readAllBytes()));
        keys.add(ex.getRequestHeaders().getFirst("X-API-Key"));
        Reply r = script.size() > 1 ? script.poll() : script.peek();
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", r.status() >= 400 ? "application/problem+json" : "application/json");
        if (r.retryAfter() != null) {
            ex.getResponseHeaders().add("Retry-After", r.retryAfter());
        }
        ex.sendResponseHeaders(r.status(), body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static ProcessorClient client(URI api, Duration giveUp) {
        return new ProcessorClient(api, KEY, new Backoff(Duration.ofMillis(5), Duration.ofMillis(20),
                RandomGenerator.getDefault()), giveUp);
    }

    private static List<GpuMetadataEvent> events(int n) {
        List<GpuMetadataEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new EventValidator().validate(SampleEvents.withBase64(UUID.randomUUID(), 16, new Random()))
                    .event());
        }
        return out;
    }

    private List<String> idsOfRequest(int i) {
        List<String> ids = new ArrayList<>();
        received.get(i).forEach(e -> ids.add(e.get("event_id").asText()));
        return ids;
    }

    @Test
    void tooManyRequestsAndUnavailableAreRetriedWithTheSameEventIds() throws Exception {
        URI api = start();
        script.add(new Reply(429, "{\"title\":\"Too Many Requests\"}", "0"));
        script.add(new Reply(503, "{\"title\":\"Service Unavailable\",\"detail\":\"kafka down\"}", "0"));
        script.add(new Reply(202, "{\"accepted\":2}", null));
        List<GpuMetadataEvent> events = events(2);

        List<Outcome> outcomes = client(api, Duration.ofSeconds(10)).send(events);

        assertEquals(List.of(Outcome.Kind.ACCEPTED, Outcome.Kind.ACCEPTED), outcomes.stream().map(Outcome::kind).toList());
        assertEquals(3, received.size());
        List<String> ids = events.stream().map(GpuMetadataEvent::eventId).toList();
        for (int i = 0; i < 3; i++) {
            assertEquals(ids, idsOfRequest(i), "attempt " + i + " carries the same event_ids");
        }
        assertEquals(List.of(KEY, KEY, KEY), keys);
    }

    /** The processor's rate limiter answers 429 with Retry-After in seconds: the client waits at least that long. */
    @Test
    void tooManyRequestsWaitsAtLeastRetryAfterBeforeTheRetry() throws Exception {
        URI api = start();
        script.add(new Reply(429, "{\"title\":\"Too Many Requests\",\"detail\":\"rate limit\"}", "2"));
        script.add(new Reply(202, "{\"accepted\":1}", null));

        List<Outcome> outcomes = client(api, Duration.ofSeconds(30)).send(events(1));

        assertEquals(Outcome.Kind.ACCEPTED, outcomes.get(0).kind());
        assertEquals(2, arrivals.size());
        long waitedMs = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
        assertTrue(waitedMs >= 2000, "retried after " + waitedMs + " ms, Retry-After was 2 s");
    }

    @Test
    void partialAnswerRetriesOnlyTheItemsNotPublished() throws Exception {
        URI api = start();
        script.add(new Reply(207, """
                {"accepted":1,"rejected":1,"failed":1,"results":[
                 {"index":0,"status":202},
                 {"index":1,"status":400,"errors":[{"field":"image.id","rule":"required","message":"image.id: is required"}]},
                 {"index":2,"status":503,"detail":"Kafka is unavailable"}]}""", null));
        script.add(new Reply(202, "{\"accepted\":1}", null));
        List<GpuMetadataEvent> events = events(3);

        List<Outcome> outcomes = client(api, Duration.ofSeconds(10)).send(events);

        assertEquals(Outcome.Kind.ACCEPTED, outcomes.get(0).kind());
        assertEquals(Outcome.Kind.REJECTED, outcomes.get(1).kind());
        assertEquals("image.id: is required", outcomes.get(1).detail());
        assertEquals(Outcome.Kind.ACCEPTED, outcomes.get(2).kind());
        assertEquals(List.of(events.get(2).eventId()), idsOfRequest(1));
    }

    @Test
    void clientErrorStopsTheEventsWithTheServersProblemMessage() throws Exception {
        URI api = start();
        script.add(new Reply(413, "{\"title\":\"Payload Too Large\",\"status\":413,"
                + "\"detail\":\"a batch holds at most 1000 events\"}", null));

        List<Outcome> outcomes = client(api, Duration.ofSeconds(10)).send(events(2));

        assertEquals(1, received.size(), "no retry");
        assertEquals(Outcome.Kind.REJECTED, outcomes.get(0).kind());
        assertEquals(413, outcomes.get(0).status());
        assertEquals("HTTP 413: Payload Too Large (a batch holds at most 1000 events)", outcomes.get(0).detail());
    }

    @Test
    void unreachableProcessorFailsAfterTheRetryBudget() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        long start = System.nanoTime();
        List<Outcome> outcomes = client(URI.create("http://127.0.0.1:" + closed), Duration.ofMillis(300))
                .send(events(1));
        assertEquals(Outcome.Kind.FAILED, outcomes.get(0).kind());
        assertTrue(outcomes.get(0).detail().startsWith("gave up after "), outcomes.get(0).detail());
        assertTrue(outcomes.get(0).detail().contains("ConnectException"), outcomes.get(0).detail());
        assertTrue((System.nanoTime() - start) / 1e9 < 5);
    }

    @Test
    void baseUrlWithAPathPrefixIsKept() {
        assertEquals(URI.create("https://edge.example/ca4/metadata/batch"),
                ProcessorClient.batchUri(URI.create("https://edge.example/ca4")));
        assertEquals(URI.create("https://edge.example/ca4/metadata/batch"),
                ProcessorClient.batchUri(URI.create("https://edge.example/ca4/")));
        assertEquals(URI.create("http://localhost:9080/metadata/batch"),
                ProcessorClient.batchUri(URI.create("http://localhost:9080")));
    }
}
