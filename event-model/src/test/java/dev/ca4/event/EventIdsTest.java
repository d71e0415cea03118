package dev.ca4.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIdsTest {
    private static final UUID FIXED = UUID.fromString("00000000-0000-4000-8000-000000000002");

    @Test
    void anEventWithoutIdGetsANewOne() {
        ObjectNode event = EventJson.MAPPER.createObjectNode().put("produced_at", "2026-12-05T10:00:00Z");
        assertSame(event, EventIds.assignIfAbsent(event, () -> FIXED));
        assertEquals(FIXED.toString(), event.get("event_id").asText());
    }

    @Test
    void anIdAlreadyThereIsKeptEvenIfItIsNullOrNotAUuid() {
        ObjectNode given = EventJson.MAPPER.createObjectNode().put("event_id", "123e4567-e89b-12d3-a456-426614174000");
        EventIds.assignIfAbsent(given, () -> FIXED);
        assertEquals("123e4567-e89b-12d3-a456-426614174000", given.get("event_id").asText());

        ObjectNode explicitNull = EventJson.MAPPER.createObjectNode().putNull("event_id");
        EventIds.assignIfAbsent(explicitNull, () -> FIXED);
        assertTrue(explicitNull.get("event_id").isNull(), "the validator refuses a null id; it is not replaced");

        ObjectNode bad = EventJson.MAPPER.createObjectNode().put("event_id", "abc");
        EventIds.assignIfAbsent(bad, () -> FIXED);
        assertEquals("abc", bad.get("event_id").asText());
    }

    @Test
    void somethingThatIsNotAnObjectIsLeftAlone() {
        JsonNode array = EventJson.MAPPER.createArrayNode().add(1);
        assertSame(array, EventIds.assignIfAbsent(array, () -> FIXED));
        assertEquals("[1]", array.toString());
    }
}
