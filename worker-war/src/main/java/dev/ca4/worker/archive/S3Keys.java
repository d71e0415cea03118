package dev.ca4.worker.archive;

import dev.ca4.event.GpuMetadataEvent;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The S3 key layout, keyed by the event's produced_at date (UTC) so a re-archived event lands on the same key:
 * {@code raw/YYYY/MM/DD/<event_id>.json} and {@code embeddings/YYYY/MM/DD/<event_id>.f32}.
 */
public final class S3Keys {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private S3Keys() {
    }

    public static String raw(GpuMetadataEvent e) {
        return "raw/" + DAY.format(e.producedAt()) + "/" + e.eventId() + ".json";
    }

    public static String embedding(GpuMetadataEvent e) {
        return "embeddings/" + DAY.format(e.producedAt()) + "/" + e.eventId() + ".f32";
    }
}
