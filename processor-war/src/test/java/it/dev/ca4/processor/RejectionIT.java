package it.dev.ca4.processor;

import dev.ca4.event.BadEvents;
import dev.ca4.event.EventJson;
import dev.ca4.event.SampleEvents;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad request gets the right status and a problem+json naming the field; nothing reaches Kafka. */
class RejectionIT {
    private static long offsetsBefore;

    @BeforeAll
    static void recordOffsets() throws Exception {
        offsetsBefore = Pipeline.endOffsets(Pipeline.TOPIC);
    }

    @AfterAll
    static void topicDidNotMove() throws Exception {
        assertEquals(offsetsBefore, Pipeline.endOffsets(Pipeline.TOPIC), "a rejected request reached Kafka");
    }

    static List<BadEvents.Case> badEvents() {
        return BadEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void schemaViolationGets400NamingFieldAndRule(BadEvents.Case bad) {
        Response r = Pipeline.api().body(bad.body()).post("/metadata");
        assertProblem(r, 400);
        assertEquals(bad.field(), r.jsonPath().getString("errors[0].field"), r.asString());
        assertEquals(bad.rule(), r.jsonPath().getString("errors[0].rule"), r.asString());
    }

    @Test
    void missingApiKeyGets401() {
        Response r = RestAssured.given().baseUri("http://localhost:9080").contentType("application/json")
                .body(valid()).post("/metadata");
        assertProblem(r, 401);
    }

    @Test
    void unknownApiKeyGets401() {
        Response r = RestAssured.given().baseUri("http://localhost:9080").contentType("application/json")
                .header("X-API-Key", "not-a-key").body(valid()).post("/metadata");
        assertProblem(r, 401);
    }

    @Test
    void wrongContentTypeGets415() {
        Response r = Pipeline.api().contentType("text/plain").body(valid()).post("/metadata");
        assertProblem(r, 415);
    }

    @Test
    void bodyOverOneMebibyteGets413() {
        String big = "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertProblem(Pipeline.api().body(big).post("/metadata"), 413);
    }

    /** Jazzer's first finding (event-model EventParserFuzzTest): bytes Jackson reads as UTF-32 were a 500. */
    @Test
    void bytesThatAreNotUnicodeJsonGet400() {
        byte[] body = new byte[33];
        body[29] = '[';
        body[30] = '2';
        body[31] = (byte) 0xbf;
        body[32] = ']';
        Response r = Pipeline.api().body(body).post("/metadata");
        assertProblem(r, 400);
        assertEquals("json", r.jsonPath().getString("errors[0].rule"));
    }

    @Test
    void batchThatIsNotAnArrayGets400() {
        Response r = Pipeline.api().body(valid()).post("/metadata/batch");
        assertProblem(r, 400);
        assertEquals("type:array", r.jsonPath().getString("errors[0].rule"));
    }

    @Test
    void batchOfOnlyInvalidEventsGets400NamingTheItem() {
        Response r = Pipeline.api().body("[{\"schema_version\":\"9\"}]").post("/metadata/batch");
        assertProblem(r, 400);
        assertTrue(r.jsonPath().getString("errors[0].field").startsWith("[0]."), r.asString());
    }

    @Test
    void batchOverThousandEventsGets413() {
        var batch = EventJson.MAPPER.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            batch.add(EventJson.MAPPER.createObjectNode());
        }
        assertProblem(Pipeline.api().body(batch.toString()).post("/metadata/batch"), 413);
    }

    private static String valid() {
        return SampleEvents.withValues(UUID.randomUUID(), 8, new Random()).toString();
    }

    private static void assertProblem(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(status, r.jsonPath().getInt("status"));
        assertTrue(r.jsonPath().getString("detail").length() > 5, r.asString());
    }
}
