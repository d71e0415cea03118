package dev.ca4.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The processor's one normalization before validation: an event that arrives without {@code event_id} gets a
 * new one (the processor returns it in its 202). Kept out of {@link EventValidator}, which requires
 * {@code event_id}, so that every other reader of the topic (the worker, the archive restore) refuses a record
 * without one instead of inventing an id that a redelivery would not share.
 */
public final class EventIds {

    private EventIds() {
    }

    /**
     * Puts a new {@code event_id} into {@code root} when it is an object without that field; an explicit
     * {@code null} or any other value is left for the validator to judge. Returns {@code root}.
     */
    public static JsonNode assignIfAbsent(JsonNode root, Supplier<UUID> ids) {
        if (root instanceof ObjectNode event && !event.has("event_id")) {
            event.put("event_id", ids.get().toString());
        }
        return root;
    }
}
