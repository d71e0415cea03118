package dev.ca4.worker.segment;

/**
 * When a segment is sealed (docs/archive-segments.md): at {@code maxRecords} records, at {@code maxBytes} bytes of
 * records, and {@code maxOpenMs} after its first record, in record time (a later record starts a new segment)
 * and in wall-clock time (a quiet partition's records are not held longer than that).
 */
public record SegmentLimits(int maxRecords, long maxBytes, long maxOpenMs) {

    public SegmentLimits {
        if (maxRecords < 1 || maxBytes < 1 || maxOpenMs < 1) {
            throw new IllegalArgumentException("segment limits must be positive: records " + maxRecords + ", bytes "
                    + maxBytes + ", open ms " + maxOpenMs);
        }
    }
}
