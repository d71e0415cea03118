package it.dev.ca4.processor;

import dev.ca4.event.SampleEvents;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Two keys are accepted at once (rotation); a revoked key is refused like an unknown one, though still listed. */
class ApiKeyRotationIT {

    @BeforeAll
    static void keys() {
        TestKeys.requireConfigured();
    }

    private static String valid() {
        return SampleEvents.withValues(UUID.randomUUID(), 8, new Random()).toString();
    }

    @Test
    void theCurrentAndTheNextKeyAreBothAccepted() {
        Response first = Pipeline.api().body(valid()).post("/metadata");
        assertEquals(202, first.statusCode(), first.asString());
        Response second = Pipeline.api(TestKeys.SECOND).body(valid()).post("/metadata");
        assertEquals(202, second.statusCode(), second.asString());
    }

    @Test
    void revokedKeyGets401JustLikeAnUnknownKey() {
        Response revoked = Pipeline.api(TestKeys.REVOKED).body(valid()).post("/metadata");
        assertEquals(401, revoked.statusCode(), revoked.asString());
        assertEquals("application/problem+json", revoked.contentType().split(";")[0]);
        Response unknown = Pipeline.api("ca4-it-never-configured").body(valid()).post("/metadata");
        assertEquals(401, unknown.statusCode());
        assertEquals(unknown.jsonPath().getString("detail"), revoked.jsonPath().getString("detail"),
                "the answer does not tell a revoked key from an unknown one");
        assertFalse(revoked.asString().contains(TestKeys.REVOKED), "the key is not echoed");
        Response batch = Pipeline.api(TestKeys.REVOKED).body("[" + valid() + "]").post("/metadata/batch");
        assertEquals(401, batch.statusCode(), batch.asString());
    }
}
