package dev.ca4.worker.segment;

import dev.ca4.worker.record.PolledRecord;

/**
 * The segment rotation rules, as pure decisions (docs/archive-segments.md). Except for the wall-clock bound,
 * every rule depends only on the records themselves, so the same records from the same first offset always
 * make the same segment: a redelivered range rebuilds the same object.
 */
public final class SegmentPolicy {
    private static final long DAY_MS = 86_400_000L;

    private final SegmentLimits limits;

    public SegmentPolicy(SegmentLimits limits) {
        this.limits = limits;
    }

    /**
     * Whether {@code next} must start a new segment rather than join the open one: it is stamped
     * {@code maxSpanMs} or more after the segment's first record or on another UTC day (the key's date folder), or
     * it would pass the byte limit. Only what the record carries undecoded counts here: a change of embedding
     * dimension splits the segment when it is decoded ({@code decode.DecodedSegment}).
     */
    public boolean startsNew(OpenSegment open, PolledRecord next) {
        if (open.isEmpty()) {
            return false;
        }
        return next.timestamp() - open.firstTimestamp() >= limits.maxSpanMs()
                || Math.floorDiv(next.timestamp(), DAY_MS) != Math.floorDiv(open.firstTimestamp(), DAY_MS)
                || open.bytes() + next.size() > limits.maxBytes();
    }

    /** Whether the open segment is full once a record joined it. */
    public boolean full(OpenSegment open) {
        return open.count() >= limits.maxRecords() || open.bytes() >= limits.maxBytes();
    }

    /**
     * Whether the open segment has waited its longest in wall-clock time: {@code maxOpenMs} while its newest record
     * is fresh (stamped less than {@code maxOpenBacklogMs} ago), else {@code maxOpenBacklogMs}.
     */
    public boolean expired(OpenSegment open, long nowNanos, long nowMillis) {
        if (open.isEmpty()) {
            return false;
        }
        boolean backlog = nowMillis - open.lastTimestamp() >= limits.maxOpenBacklogMs();
        long limitMs = backlog ? limits.maxOpenBacklogMs() : limits.maxOpenMs();
        return nowNanos - open.openedAtNanos() >= limitMs * 1_000_000L;
    }
}
