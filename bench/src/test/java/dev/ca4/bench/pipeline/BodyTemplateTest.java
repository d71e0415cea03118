package dev.ca4.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyTemplateTest {

    @Test
    void splicedBodyIsAValidEventWithTheGivenIdAndTime() {
        BodyTemplate t = new Events(16).template();
        String id = "123e4567-e89b-12d3-a456-426614174000";
        Instant at = Instant.parse("2026-11-23T12:00:00.123456789Z");
        JsonNode body = EventJson.parse(t.body(id, at));
        assertEquals(id, body.get("event_id").asText());
        assertEquals(at.toString(), body.get("produced_at").asText());
        EventValidator.Result r = new EventValidator().validate(body);
        assertTrue(r.valid(), () -> r.violations().toString());
        assertEquals(at, r.event().producedAt());
    }

    @Test
    void clientBodiesHaveNoEventIdSoTheProcessorMakesOne() {
        Events events = new Events(16);
        assertTrue(EventJson.parse(events.clientBody(Events.Form.VALUES)).path("event_id").isMissingNode());
        assertTrue(EventJson.parse(events.clientBody(Events.Form.B64)).path("event_id").isMissingNode());
        assertEquals(3, EventJson.parse(events.batchBody(3)).size());
    }
}
