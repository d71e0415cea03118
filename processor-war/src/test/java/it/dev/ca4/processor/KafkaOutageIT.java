package it.dev.ca4.processor;

import dev.ca4.event.SampleEvents;
import dev.ca4.localstack.LocalStack;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the broker stopped the API answers 503 + Retry-After quickly and is not ready; then it recovers. */
class KafkaOutageIT {
    private static final LocalStack STACK = LocalStack.fromEnvironment();

    @AfterAll
    static void brokerIsBack() throws Exception {
        STACK.start("kafka");
    }

    @Test
    void brokerDownGives503AndNotReadyThenRecovers() throws Exception {
        STACK.stop("kafka");

        long start = System.nanoTime();
        Response r = Pipeline.api().body(SampleEvents.withValues(UUID.randomUUID(), 8, new Random()).toString())
                .post("/metadata");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(503, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertNotNull(r.header("Retry-After"));
        assertTrue(seconds <= 10, "503 took " + seconds + " s");
        // Which of the two 503s depends on whether the producer had the topic's metadata (see KafkaFailures);
        // each must say what it knows and ask for a retry with the same event_id.
        String type = r.jsonPath().getString("type");
        String detail = r.jsonPath().getString("detail");
        if (type.equals("urn:ca4:problem:publish-unconfirmed")) {
            assertTrue(detail.contains("may or may not be stored"), detail);
        } else {
            assertEquals("urn:ca4:problem:kafka-unavailable", type, r.asString());
            assertTrue(detail.startsWith("the event was not stored"), detail);
        }
        assertTrue(detail.contains("retry with the same event_id"), detail);

        // A batch none of whose events Kafka took is one 503 of the same kind, naming how many and the first cause.
        String batch = "[" + SampleEvents.withValues(UUID.randomUUID(), 8, new Random()) + ","
                + SampleEvents.withValues(UUID.randomUUID(), 8, new Random()) + "]";
        Response b = Pipeline.api().body(batch).post("/metadata/batch");
        assertEquals(503, b.statusCode(), b.asString());
        assertEquals(type, b.jsonPath().getString("type"), b.asString());
        assertTrue(b.jsonPath().getString("detail").startsWith("Kafka acknowledged none of the batch's 2 events; first: "),
                b.asString());
        assertNotNull(b.header("Retry-After"));
        Pipeline.await("readiness DOWN", Duration.ofSeconds(20),
                () -> Pipeline.api().get("/health/ready").statusCode() == 503);

        STACK.start("kafka");
        Pipeline.await("readiness UP", Duration.ofSeconds(60),
                () -> Pipeline.api().get("/health/ready").statusCode() == 200);
        UUID id = UUID.randomUUID();
        Pipeline.await("202 after recovery", Duration.ofSeconds(60), () -> Pipeline.api()
                .body(SampleEvents.withValues(id, 8, new Random()).toString()).post("/metadata").statusCode() == 202);
    }
}
