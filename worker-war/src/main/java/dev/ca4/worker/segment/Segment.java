package dev.ca4.worker.segment;

import dev.ca4.worker.record.ConsumedRecord;

import java.util.List;

/**
 * A sealed run of records of one partition, contiguous and in offset order (dead letters included: they are
 * acknowledged with the segment but are not among its {@link #rows()}).
 */
public record Segment(String topic, int partition, List<ConsumedRecord> records) {

    public Segment {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a segment holds at least one record");
        }
        records = List.copyOf(records);
    }

    public long firstOffset() {
        return records.get(0).origin().offset();
    }

    public long lastOffset() {
        return records.get(records.size() - 1).origin().offset();
    }

    /** The records to store, in offset order: row i of the archived segment is rows().get(i). */
    public List<ConsumedRecord> rows() {
        return records.stream().filter(r -> !r.isDeadLetter()).toList();
    }

    public List<ConsumedRecord> deadLetters() {
        return records.stream().filter(ConsumedRecord::isDeadLetter).toList();
    }
}
