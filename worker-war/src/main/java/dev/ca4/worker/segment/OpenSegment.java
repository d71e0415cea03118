package dev.ca4.worker.segment;

import dev.ca4.worker.record.PolledRecord;

import java.util.ArrayList;
import java.util.List;

/** The records of one partition collected so far for its next segment. Not thread-safe (the assembler locks). */
public final class OpenSegment {
    private final String topic;
    private final int partition;
    private final List<PolledRecord> records = new ArrayList<>();
    private long bytes;
    private long openedAtNanos;
    private long lastTimestamp;

    public OpenSegment(String topic, int partition) {
        this.topic = topic;
        this.partition = partition;
    }

    void add(PolledRecord r, long nowNanos) {
        if (records.isEmpty()) {
            openedAtNanos = nowNanos;
        }
        records.add(r);
        lastTimestamp = Math.max(lastTimestamp, r.timestamp());
        bytes += r.size();
    }

    /** Seals what was collected and starts empty again. */
    Segment seal(long nowNanos) {
        Segment s = new Segment(topic, partition, records, openedAtNanos, nowNanos);
        records.clear();
        lastTimestamp = 0;
        bytes = 0;
        return s;
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    public int count() {
        return records.size();
    }

    public long bytes() {
        return bytes;
    }

    public long firstTimestamp() {
        return records.get(0).timestamp();
    }

    /** The newest Kafka record time in the segment. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    public long openedAtNanos() {
        return openedAtNanos;
    }
}
