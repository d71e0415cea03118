package dev.ca4.worker.segment;

import dev.ca4.worker.record.PolledRecord;

import java.util.List;

/**
 * A sealed run of records of one partition, contiguous and in offset order, not yet decoded: the segment writers
 * decode it ({@code decode.DecodedSegment}) into its dead letters and its rows. {@code openedAtNanos} and
 * {@code sealedAtNanos} (monotonic clock) say when its first record came and when it was sealed, for the worker's
 * stage metrics; they are not part of what is archived.
 */
public record Segment(String topic, int partition, List<PolledRecord> records, long openedAtNanos,
                      long sealedAtNanos) {

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
}
