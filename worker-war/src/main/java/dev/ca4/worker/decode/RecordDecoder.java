package dev.ca4.worker.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.worker.deadletter.DeadLetterPolicy;
import dev.ca4.worker.record.ConsumedRecord;
import dev.ca4.worker.record.DeadLetterReason;
import dev.ca4.worker.record.PolledRecord;
import dev.ca4.worker.record.RecordOrigin;
import dev.ca4.worker.transform.DocumentTransforms;

import java.util.List;
import java.util.Optional;

/**
 * Turns a record's bytes into a {@link ConsumedRecord}: parsed and validated with the same validator as the API,
 * then transformed into its document; anything that cannot be decoded becomes a dead letter. Pure and
 * thread-safe: the segment writers and the archive restore both use it.
 */
public final class RecordDecoder {
    private final EventValidator validator = new EventValidator();
    private final DocumentTransforms transforms;

    public RecordDecoder(DocumentTransforms transforms) {
        this.transforms = transforms;
    }

    public ConsumedRecord decode(PolledRecord r) {
        return decode(r.origin(), r.timestamp(), r.raw(), r.ack());
    }

    public ConsumedRecord decode(RecordOrigin origin, long timestamp, byte[] raw, Runnable ack) {
        JsonNode tree;
        try {
            tree = EventJson.parse(raw);
        } catch (EventJson.MalformedJsonException e) {
            return ConsumedRecord.deadLetter(origin, timestamp, raw, DeadLetterPolicy.notJson(e), ack);
        }
        EventValidator.Result result = validator.validate(tree);
        Optional<DeadLetterReason> invalid = DeadLetterPolicy.invalid(result);
        if (invalid.isPresent()) {
            return ConsumedRecord.deadLetter(origin, timestamp, raw, invalid.get(), ack);
        }
        return ConsumedRecord.event(origin, timestamp, raw, withoutVector(tree), result.event(),
                transforms.toDocument(result.event(), origin), ack);
    }

    /**
     * The event's JSON with its embedding reduced to {@code dim}: the archive's line for it (the values are kept
     * once, as float32, in the event and the archive's matrix), and a record in flight holds no second copy.
     */
    static JsonNode withoutVector(JsonNode event) {
        if (event.get("embedding") instanceof ObjectNode embedding) {
            embedding.remove(List.of("values", "values_b64"));
        }
        return event;
    }
}
