package dev.ca4.search.feed;

import dev.ca4.event.SampleEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventRecordTest {
    @Test
    void aValidEventOfTheIndexDimensionIsIndexed() {
        UUID id = UUID.randomUUID();
        var event = SampleEvents.withBase64(id, 16, new Random(1));
        event.withObject("tags").put("split", "val");
        EventRecord r = EventRecord.decode(event.toString().getBytes(StandardCharsets.UTF_8), 16);
        assertFalse(r.isSkipped());
        assertEquals(id.toString(), r.entry().eventId());
        assertEquals("sample", r.entry().runId());
        assertEquals("val", r.entry().tags().get("split"));
        assertEquals(16, r.vector().length);
    }

    @Test
    void skipsWhatTheWorkerDeadLettersAndOtherDimensions() {
        assertEquals(EventRecord.INVALID, EventRecord.decode("not json".getBytes(StandardCharsets.UTF_8), 16).skipped());
        assertEquals(EventRecord.INVALID, EventRecord.decode(null, 16).skipped());
        var v2 = SampleEvents.withValues(UUID.randomUUID(), 16, new Random(2)).put("schema_version", "2");
        assertEquals(EventRecord.INVALID, EventRecord.decode(v2.toString().getBytes(StandardCharsets.UTF_8), 16).skipped());
        var small = SampleEvents.withValues(UUID.randomUUID(), 8, new Random(3));
        EventRecord r = EventRecord.decode(small.toString().getBytes(StandardCharsets.UTF_8), 16);
        assertEquals(EventRecord.DIMENSION, r.skipped());
        assertNull(r.entry());
    }
}
