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

    /**
     * One entry of a batch answer; {@code type} (the problem type, as in a single event's answer) and {@code detail}
     * are set for 400 and 503 items, {@code errors} for 400 items.
     */
    @JsonbNillable(false)
    public record Item(int index, int status, String type, @JsonbProperty("event_id") String eventId,
                       Integer partition, Long offset, String detail, List<Problem.FieldError> errors) {

        static Item accepted(int index, String eventId, int partition, long offset) {
            return new Item(index, 202, null, eventId, partition, offset, null, null);
        }

        static Item invalid(int index, Problem problem) {
            return new Item(index, 400, problem.type(), null, null, null, problem.detail(), problem.errors());
        }

        static Item unpublished(int index, String eventId, Problem problem) {
            return new Item(index, 503, problem.type(), eventId, null, null, problem.detail(), null);
        }
    }

    /** 202 (all accepted) or 207 (some not) for a batch. */
    public record Batch(int accepted, int rejected, int failed, List<Item> results) {
    }
}
