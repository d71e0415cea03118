package dev.ca4.worker.decode;

import dev.ca4.event.SampleEvents;
import dev.ca4.worker.record.ConsumedRecord;
import dev.ca4.worker.record.RecordOrigin;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordDecoderTest {
    private static final RecordOrigin ORIGIN = new RecordOrigin("gpu-metadata", 2, 40, "k");

    private static ConsumedRecord decode(String json) {
        return TestRecords.DECODER.decode(ORIGIN, 1_000L, json.getBytes(StandardCharsets.UTF_8), () -> { });
    }

    @Test
    void validEventBecomesItsDocumentAndAVectorFreeArchiveLine() {
        UUID id = UUID.randomUUID();
        ConsumedRecord r = decode(SampleEvents.withBase64(id, 16, new Random(1)).toString());
        assertFalse(r.isDeadLetter());
        assertEquals(id.toString(), r.document().getString("_id"));
        assertEquals(16, r.dim());
        assertEquals(16, r.json().get("embedding").get("dim").asInt());
        assertFalse(r.json().get("embedding").has("values_b64"), "the vector is kept once, as float32");
        assertEquals(1_000L, r.timestamp());
    }

    @Test
    void notJsonIsADeadLetter() {
        ConsumedRecord r = decode("{\"event_id\": ");
        assertTrue(r.isDeadLetter());
        assertEquals("not-json", r.deadLetter().code());
        assertNull(r.document());
    }

    @Test
    void eventWithoutEventIdIsADeadLetterNamingTheField() {
        var event = SampleEvents.withValues(UUID.randomUUID(), 8, new Random(2));
        event.remove("event_id");
        ConsumedRecord r = decode(event.toString());
        assertEquals("invalid-event", r.deadLetter().code());
        assertTrue(r.deadLetter().message().contains("event_id"), r.deadLetter().message());
    }

    @Test
    void invalidEventIsADeadLetterNamingTheRule() {
        var event = SampleEvents.withValues(UUID.randomUUID(), 8, new Random(3));
        event.put("schema_version", "2");
        ConsumedRecord r = decode(event.toString());
        assertEquals("invalid-event", r.deadLetter().code());
        assertTrue(r.deadLetter().message().contains("schema_version"), r.deadLetter().message());
    }
}
