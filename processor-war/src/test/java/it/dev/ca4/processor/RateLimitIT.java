package it.dev.ca4.processor;

import dev.ca4.event.SampleEvents;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-key rate limiting on the real server: {@link TestKeys#LIMITED} may send 1 event/s with a burst of 10
 * (ca4.api.rate-limit.per-key); every other key has the default limit, far above what the tests send.
 * No timing is asserted: the second batch of 10 needs 10 s of refill, far more than a request takes.
 */
class RateLimitIT {

    @BeforeAll
    static void keys() {
        TestKeys.requireConfigured();
    }

    private static String batch(int n) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            j.add(SampleEvents.withValues(UUID.randomUUID(), 8, new Random()).toString());
        }
        return j.toString();
    }

    @Test
    void overTheLimitGets429WithRetryAfterOtherKeysAreServedAndAfterWaitingSoIsThisOne() throws Exception {
        String tenEvents = batch(TestKeys.LIMITED_BURST);
        Response first = Pipeline.api(TestKeys.LIMITED).body(tenEvents).post("/metadata/batch");
        assertEquals(202, first.statusCode(), first.asString());

        Response limited = Pipeline.api(TestKeys.LIMITED).body(batch(TestKeys.LIMITED_BURST)).post("/metadata/batch");
        assertEquals(429, limited.statusCode(), limited.asString());
        assertEquals("application/problem+json", limited.contentType().split(";")[0]);
        assertEquals("urn:ca4:problem:rate-limited", limited.jsonPath().getString("type"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= TestKeys.LIMITED_BURST, "Retry-After " + retryAfter);
        assertTrue(limited.jsonPath().getString("detail").contains("1 events per second"), limited.asString());

        Response single = Pipeline.api(TestKeys.LIMITED).body(batch(1).replaceAll("^\\[|]$", "")).post("/metadata");
        assertEquals(429, single.statusCode(), "one event costs a token too: " + single.asString());

        Response otherKey = Pipeline.api().body(batch(TestKeys.LIMITED_BURST)).post("/metadata/batch");
        assertEquals(202, otherKey.statusCode(), "another key is not affected: " + otherKey.asString());

        Thread.sleep(retryAfter * 1000L + 200);
        Response again = Pipeline.api(TestKeys.LIMITED).body(batch(TestKeys.LIMITED_BURST)).post("/metadata/batch");
        assertEquals(202, again.statusCode(), "served again after Retry-After: " + again.asString());

        String metrics = RestAssured.get("http://localhost:9080/metrics?scope=application").asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ca4_processor_events_rejected_total")
                && l.contains("reason=\"rate-limited\"") && !l.endsWith(" 0.0")), metrics);
    }

    @Test
    void aBatchLargerThanTheKeysBurstCouldNeverPassAndGets413() {
        Response r = Pipeline.api(TestKeys.LIMITED).body(batch(TestKeys.LIMITED_BURST + 1)).post("/metadata/batch");
        assertEquals(413, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getString("detail").contains("burst of " + TestKeys.LIMITED_BURST), r.asString());
    }
}
