package dev.ca4.worker.segment;

/**
 * When a segment is sealed (docs/archive-segments.md): at {@code maxRecords} records, at {@code maxBytes} bytes of
 * records, when a record is stamped {@code maxSpanMs} or more after the segment's first record (record time:
 * deterministic), and in wall-clock time {@code maxOpenMs} after it opened while its records are fresh, or
 * {@code maxOpenBacklogMs} after it opened while they are older than that (a backlog: waiting costs no latency
 * that is not lost already, and the segment fills instead).
 */
public record SegmentLimits(int maxRecords, long maxBytes, long maxSpanMs, long maxOpenMs, long maxOpenBacklogMs) {

    public SegmentLimits {
        if (maxRecords < 1 || maxBytes < 1 || maxSpanMs < 1 || maxOpenMs < 1 || maxOpenBacklogMs < maxOpenMs) {
            throw new IllegalArgumentException("segment limits must be positive (and max-open-backlog-ms >= "
                    + "max-open-ms): records " + maxRecords + ", bytes " + maxBytes + ", span ms " + maxSpanMs
                    + ", open ms " + maxOpenMs + ", open backlog ms " + maxOpenBacklogMs);
        }
    }
}
