package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WriteStampTest {
    private static final Instant PRODUCED = Instant.parse("2026-12-05T10:00:00Z");

    private static GpuMetadataEvent event() {
        return TransformTestEvents.event(e -> e.put("produced_at", PRODUCED.toString()));
    }

    @Test
    void storedAtAndTheThreeLatenciesInMilliseconds() {
        GpuMetadataEvent e = event().withReceivedAt(PRODUCED.plusMillis(40));
        Document doc = WriteStamp.apply(new Document(), e, PRODUCED.plusMillis(250));
        assertEquals(Date.from(PRODUCED.plusMillis(250)), doc.get("stored_at"));
        assertEquals(new Document("end_to_end", 250L).append("ingest", 40L).append("pipeline", 210L),
                doc.get("latency_ms"));
    }

    @Test
    void withoutAReceivedTimeOnlyEndToEnd() {
        Document doc = WriteStamp.apply(new Document(), event(), PRODUCED.plusSeconds(2));
        assertEquals(new Document("end_to_end", 2000L), doc.get("latency_ms"));
    }

    @Test
    void theArchivePlaceNamesBucketSegmentAndRow() {
        Document doc = WriteStamp.archived(new Document(), "ca4-archive", "segments/2026/12/05/gpu-metadata+3+00000000000000000042.zip", 7);
        assertEquals(new Document("bucket", "ca4-archive")
                .append("segment", "segments/2026/12/05/gpu-metadata+3+00000000000000000042.zip").append("row", 7),
                doc.get("archive"));
    }
}
