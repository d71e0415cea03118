package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The fields a document gets when its segment is sealed: {@code stored_at} (the seal time, which the archive
 * keeps too, so a restore reproduces it), the latencies derived from it and, when archived, where its row is.
 */
public final class WriteStamp {

    private WriteStamp() {
    }

    public static Document apply(Document doc, GpuMetadataEvent e, Instant storedAt) {
        doc.put("stored_at", Date.from(storedAt));
        Document latency = new Document("end_to_end", Duration.between(e.producedAt(), storedAt).toMillis());
        if (e.receivedAt() != null) {
            latency.append("ingest", Duration.between(e.producedAt(), e.receivedAt()).toMillis())
                    .append("pipeline", Duration.between(e.receivedAt(), storedAt).toMillis());
        }
        doc.put("latency_ms", latency);
        return doc;
    }

    /** {@code archive: {bucket, segment, row}}: the segment object and the row of it that holds this event. */
    public static Document archived(Document doc, String bucket, String segmentKey, int row) {
        doc.put("archive", new Document("bucket", bucket).append("segment", segmentKey).append("row", row));
        return doc;
    }
}
