package dev.ca4.processor.api;

import dev.ca4.event.Problem;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** Response bodies of the ingest endpoints (snake_case on the wire, like the event). */
public final class IngestResults {

    private IngestResults() {
    }

    /** 202 for one event: where Kafka stored it. */
    public record Accepted(@JsonbProperty("event_id") String eventId, int partition, long offset) {
    }

    /** One entry of a batch answer; {@code errors} is set for 400 items, {@code detail} for 503 items. */
    @JsonbNillable(false)
    public record Item(int index, int status, @JsonbProperty("event_id") String eventId, Integer partition,
                       Long offset, String detail, List<Problem.FieldError> errors) {
    }

    /** 202 (all accepted) or 207 (some not) for a batch. */
    public record Batch(int accepted, int rejected, int failed, List<Item> results) {
    }
}
