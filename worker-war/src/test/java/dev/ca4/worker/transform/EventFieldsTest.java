package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.record.RecordOrigin;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventFieldsTest {

    @Test
    void idIsTheEventIdAndTimestampsAreBsonDates() {
        GpuMetadataEvent e = TransformTestEvents.event(j -> j.put("produced_at", "2026-12-05T12:00:00.250+02:00"))
                .withReceivedAt(Instant.parse("2026-12-05T10:00:01Z"));
        Document doc = new Document();
        new EventFields().apply(doc, e, RecordOrigin.UNKNOWN);
        assertEquals(e.eventId(), doc.get("_id"));
        assertEquals(e.eventId(), doc.get("event_id"));
        assertEquals("1", doc.get("schema_version"));
        assertEquals(Date.from(Instant.parse("2026-12-05T10:00:00.250Z")), doc.get("produced_at"));
        assertEquals(Date.from(Instant.parse("2026-12-05T10:00:01Z")), doc.get("received_at"));
        assertEquals(new Document("producer", "sample-events").append("run_id", "sample").append("host", "localhost"),
                doc.get("source"));
        assertEquals(new Document("name", "resnet50").append("weights", "random").append("framework", "dl4j")
                .append("layer", "flatten_1"), doc.get("model"));
        assertEquals(new Document("preprocess", 1.5).append("inference", 12.0).append("total", 13.5),
                doc.get("timings_ms"));
        assertEquals(new Document("origin", "sample"), doc.get("tags"));
    }

    @Test
    void optionalPartsThatAreAbsentAreLeftOut() {
        GpuMetadataEvent e = TransformTestEvents.event(j -> {
            j.remove("timings_ms");
            j.remove("tags");
            j.with("image").remove("width");
            j.with("source").remove("host");
        });
        Document doc = new Document();
        new EventFields().apply(doc, e, RecordOrigin.UNKNOWN);
        assertFalse(doc.containsKey("timings_ms"));
        assertFalse(doc.containsKey("tags"));
        assertFalse(doc.containsKey("received_at"));
        assertFalse(doc.get("image", Document.class).containsKey("width"));
        assertEquals(new Document("producer", "sample-events").append("run_id", "sample"), doc.get("source"));
    }
}
