package dev.ca4.worker.record;

import java.util.Objects;

/**
 * One record as the consumer thread hands it over, not yet decoded: where it came from, its Kafka record time
 * (which places it in its archive segment), its bytes, and {@code ack}, which acknowledges it to the connector and
 * is called only once everything the record needs is durable. Decoding waits for the segment writers
 * (docs/archive-segments.md), so the single consumer thread does no more than this per record.
 */
public record PolledRecord(RecordOrigin origin, long timestamp, byte[] raw, Runnable ack) {

    public PolledRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(ack, "ack");
    }

    public int size() {
        return raw.length;
    }
}
