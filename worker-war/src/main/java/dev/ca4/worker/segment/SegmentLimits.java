package dev.ca4.worker.segment;

/**
 * When a segment is sealed (docs/archive-segments.md): at {@code maxRecords} records, at {@code maxBytes} bytes of
 * records, when a record is stamped {@code maxSpanMs} or more after the segment's first record (record time:
 * deterministic), and {@code maxOpenMs} after the segment opened in wall-clock time (a quiet partition's records
 * are not held longer than that).
 */
public record SegmentLimits(int maxRecords, long maxBytes, long maxSpanMs, long maxOpenMs) {

    public SegmentLimits {
        if (maxRecords < 1 || maxBytes < 1 || maxSpanMs < 1 || maxOpenMs < 1) {
            throw new IllegalArgumentException("segment limits must be positive: records " + maxRecords + ", bytes "
                    + maxBytes + ", span ms " + maxSpanMs + ", open ms " + maxOpenMs);
        }
    }
}
