package dev.ca4.worker.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.GpuMetadataEvent;
import org.bson.Document;

import java.util.Objects;

/**
 * One record read from {@code gpu-metadata} ({@link PolledRecord}), decoded: either an event to store (event, its JSON without the vector
 * values, and the document derived from it) or a record that can never be stored ({@code deadLetter} set). {@code timestamp} is
 * the Kafka record time, which places the record in its archive segment; {@code ack} acknowledges it to the
 * connector and is called only once everything the record needs is durable.
 */
public record ConsumedRecord(RecordOrigin origin, long timestamp, byte[] raw, JsonNode json, GpuMetadataEvent event,
                             Document document, DeadLetterReason deadLetter, Runnable ack) {

    public ConsumedRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(ack, "ack");
        if ((deadLetter == null) == (event == null)) {
            throw new IllegalArgumentException("a record is either an event or a dead letter");
        }
    }

    public static ConsumedRecord event(RecordOrigin origin, long timestamp, byte[] raw, JsonNode json,
                                       GpuMetadataEvent event, Document document, Runnable ack) {
        return new ConsumedRecord(origin, timestamp, raw, json, event, document, null, ack);
    }

    public static ConsumedRecord deadLetter(RecordOrigin origin, long timestamp, byte[] raw, DeadLetterReason reason,
                                            Runnable ack) {
        return new ConsumedRecord(origin, timestamp, raw, null, null, null, reason, ack);
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }

    /** The embedding's dimension, or 0 for a dead letter. */
    public int dim() {
        return event == null ? 0 : event.embedding().values().length;
    }

    public int size() {
        return raw.length;
    }
}
