package it.dev.ca4.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.ca4.event.SampleEvents;
import dev.ca4.localstack.Await;
import dev.ca4.localstack.LocalStack;
import dev.ca4.worker.archive.S3Clients;
import dev.ca4.worker.archive.SegmentFormat;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.bson.Document;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one helper of the cross-service tests: the running pipeline (processor :9080, worker :9081, both started by
 * this module's build just before failsafe), the local stack it runs on (`make test` starts it), and how to send
 * events, read documents and wait.
 */
final class Pipeline {
    static final String PROCESSOR = "http://localhost:9080";
    static final String BOOTSTRAP = System.getProperty("org.microshed.kafka.bootstrap.servers", "127.0.0.1:9092");
    /** The local stack's services, to stop and start them (outage tests). */
    static final LocalStack STACK = LocalStack.fromEnvironment();
    // A read timeout, so a store that stops answering fails the test instead of hanging the build.
    static final MongoClient MONGO = MongoClients.create("mongodb://127.0.0.1:27017/?socketTimeoutMS=30000");

    static {
        // Both servers must be ready before any test: the build starts them just before failsafe.
        Await.ready(PROCESSOR + "/health/ready", Duration.ofSeconds(180));
        Await.ready("http://localhost:9081/health/ready", Duration.ofSeconds(180));
    }

    private Pipeline() {
    }

    static RequestSpecification processor() {
        String keys = System.getenv("CA4_API_KEYS");
        if (keys == null || keys.isBlank()) {
            fail("CA4_API_KEYS is not set: run the tests through `make test`");
        }
        return RestAssured.given().baseUri(PROCESSOR).header("X-API-Key", keys.split(",")[0].strip())
                .contentType("application/json");
    }

    static RequestSpecification worker() {
        return RestAssured.given().baseUri("http://localhost:" + System.getProperty("microshed_http_port", "9081"));
    }

    static MongoCollection<Document> documents() {
        return MONGO.getDatabase("ca4").getCollection("gpu_metadata");
    }

    /**
     * How many stored documents carry this event: counted by the {@code event_id} field, which no unique index
     * guards, not by {@code _id} (the primary key can never be seen twice), so a second copy of an event stored
     * under another {@code _id} fails the test that expects one ({@code PipelineCopiesIT} proves it).
     */
    static long copies(String eventId) {
        return copies(List.of(eventId)).getOrDefault(eventId, 0L);
    }

    /** {@link #copies(String)} of many events in one query (one scan of the local store, not one per event). */
    static Map<String, Long> copies(Collection<String> eventIds) {
        Map<String, Long> copies = new HashMap<>();
        for (Document d : documents().find(Filters.in("event_id", eventIds))
                .projection(Projections.include("event_id"))) {
            copies.merge(d.getString("event_id"), 1L, Long::sum);
        }
        return copies;
    }

    /** Documents of one producer run (source.run_id). */
    static long documentsOfRun(String runId) {
        return documents().countDocuments(Filters.eq("source.run_id", runId));
    }

    /** Whether every one of these events is stored (at least once). */
    static boolean allStored(Collection<String> eventIds) {
        return copies(eventIds).keySet().containsAll(eventIds);
    }

    /** The local S3 server, through the worker's own client factory, with the credentials the worker uses. */
    static S3Client s3() {
        return S3Clients.create("us-east-1", "http://127.0.0.1:9000", true,
                System.getenv().getOrDefault("CA4_S3_ACCESS_KEY", "ca4-local"),
                System.getenv().getOrDefault("CA4_S3_SECRET_KEY", "ca4-local-secret"));
    }

    /** The archived segment object {@code key}, decoded. */
    static SegmentFormat.ArchivedSegment segment(String key) {
        try (S3Client s3 = s3()) {
            return SegmentFormat.decode(s3.getObjectAsBytes(b -> b.bucket("ca4-archive").key(key)).asByteArray());
        }
    }

    static Response post(String body) {
        return processor().body(body).post("/metadata");
    }

    /** POSTs a new 256-d sample event, asserts it was accepted (202) and returns its event_id. */
    static String sendSample() {
        UUID id = UUID.randomUUID();
        assertEquals(202, post(SampleEvents.withBase64(id, 256, new Random()).toString()).statusCode());
        return id.toString();
    }

    /** {@code n} sample events, each accepted (202); their event ids in the order sent. */
    static List<String> sendSamples(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(sendSample());
        }
        return ids;
    }

    /** Waits until the worker's readiness answers {@code status} (200 UP, 503 DOWN). */
    static void awaitWorkerReadiness(int status, Duration timeout) throws InterruptedException {
        await("worker readiness " + (status == 200 ? "UP" : "DOWN"), timeout,
                () -> worker().get("/health/ready").statusCode() == status);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, timeout, condition);
    }
}
