package dev.ca4.search.feed;

import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.search.catalog.Entry;

import java.time.Instant;

/**
 * One record of gpu-metadata as the index sees it: an event to index, or the reason it is skipped. Records are
 * validated by the same validator as the API; an invalid one is skipped here (the worker dead-letters it), and an
 * event of another dimension than the index's is skipped and counted.
 */
public record EventRecord(Entry entry, float[] vector, Instant receivedAt, String skipped) {
    public static final String INVALID = "invalid";
    public static final String DIMENSION = "dimension";

    private static final EventValidator VALIDATOR = new EventValidator();

    public static EventRecord decode(byte[] raw, int dimension) {
        if (raw == null) {
            return skip(INVALID);
        }
        EventValidator.Result result;
        try {
            result = VALIDATOR.validate(EventJson.parse(raw));
        } catch (EventJson.MalformedJsonException e) {
            return skip(INVALID);
        }
        if (!result.valid()) {
            return skip(INVALID);
        }
        GpuMetadataEvent event = result.event();
        if (event.embedding().dim() != dimension) {
            return skip(DIMENSION);
        }
        return new EventRecord(Entry.of(event), event.embedding().values(), event.receivedAt(), null);
    }

    private static EventRecord skip(String reason) {
        return new EventRecord(null, null, null, reason);
    }

    public boolean isSkipped() {
        return skipped != null;
    }
}
