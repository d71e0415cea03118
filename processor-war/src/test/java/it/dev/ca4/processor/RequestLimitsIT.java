package it.dev.ca4.processor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.SampleEvents;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser's limits, on the real server: 413 problems naming the limit; nothing reaches Kafka. */
class RequestLimitsIT {
    private static long offsetsBefore;

    @BeforeAll
    static void recordOffsets() throws Exception {
        offsetsBefore = Pipeline.endOffsets(Pipeline.TOPIC);
    }

    @AfterAll
    static void topicDidNotMove() throws Exception {
        assertEquals(offsetsBefore, Pipeline.endOffsets(Pipeline.TOPIC), "a refused request reached Kafka");
    }

    private static void assertLimit(Response r, String limit) {
        assertEquals(413, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("limit:" + limit, r.jsonPath().getString("errors[0].rule"), r.asString());
        assertTrue(r.jsonPath().getString("detail").contains(limit), r.asString());
    }

    @Test
    void stringLongerThanMaxStringLength() {
        ObjectNode event = SampleEvents.withValues(UUID.randomUUID(), 8, new Random());
        event.with("image").put("id", "x".repeat(EventJson.MAX_STRING_LENGTH + 1));
        assertLimit(Pipeline.api().body(event.toString()).post("/metadata"), "max-string-length");
    }

    @Test
    void valuesArrayLongerThanTheLargestDim() {
        ObjectNode event = SampleEvents.withValues(UUID.randomUUID(), 8, new Random());
        ArrayNode values = event.with("embedding").putArray("values");
        for (int i = 0; i <= EventJson.MAX_ARRAY_ELEMENTS; i++) {
            values.add(0.25);
        }
        assertLimit(Pipeline.api().body(event.toString()).post("/metadata"), "max-array-elements");
    }

    @Test
    void nestingDeeperThanTheLimitInABatch() {
        int depth = EventJson.MAX_NESTING_DEPTH + 1;
        assertLimit(Pipeline.api().body("[" + "[".repeat(depth) + "]".repeat(depth) + "]").post("/metadata/batch"),
                "max-nesting-depth");
    }

    @Test
    void overlongNumber() {
        ObjectNode event = SampleEvents.withValues(UUID.randomUUID(), 8, new Random());
        String body = event.toString().replaceFirst("\"dim\":8", "\"dim\":8" + "0".repeat(EventJson.MAX_NUMBER_LENGTH));
        assertLimit(Pipeline.api().body(body).post("/metadata"), "max-number-length");
    }
}
