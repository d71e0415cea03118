package dev.ca4.worker.segment;

import dev.ca4.worker.record.PolledRecord;

import java.util.List;

/**
 * A sealed run of records of one partition, contiguous and in offset order, not yet decoded: the segment writers
 * decode it ({@code decode.DecodedSegment}) into its dead letters and its rows.
 */
public record Segment(String topic, int partition, List<PolledRecord> records) {

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
