package dev.ca4.worker.segment;

import dev.ca4.worker.record.PolledRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Collects each partition's records into its open segment and hands every sealed segment to {@code sealed}, in
 * the order of the {@link SegmentPolicy}'s rules. Called by the consumer thread ({@link #add}) and a timer
 * ({@link #sealExpired}); both lock this object, and {@code sealed} is called under that lock, so it must only
 * enqueue.
 */
public final class SegmentAssembler {
    private final SegmentPolicy policy;
    private final Consumer<Segment> sealed;
    private final LongSupplier nanoClock;
    private final LongSupplier wallClock;
    private final Map<String, OpenSegment> open = new HashMap<>();
    private int held;

    /**
     * @param nanoClock monotonic time (how long a segment has been open)
     * @param wallClock epoch milliseconds (how old its records are)
     */
    public SegmentAssembler(SegmentPolicy policy, Consumer<Segment> sealed, LongSupplier nanoClock,
                            LongSupplier wallClock) {
        this.policy = policy;
        this.sealed = sealed;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
    }

    public synchronized void add(PolledRecord r) {
        OpenSegment segment = open.computeIfAbsent(r.origin().topic() + "+" + r.origin().partition(),
                k -> new OpenSegment(r.origin().topic(), r.origin().partition()));
        long now = nanoClock.getAsLong();
        if (policy.startsNew(segment, r)) {
            seal(segment, now);
        }
        segment.add(r, now);
        held++;
        if (policy.full(segment)) {
            seal(segment, now);
        }
    }

    /** Seals every segment that has been open its longest. */
    public synchronized void sealExpired() {
        long now = nanoClock.getAsLong();
        long nowMillis = wallClock.getAsLong();
        for (OpenSegment s : open.values()) {
            if (policy.expired(s, now, nowMillis)) {
                seal(s, now);
            }
        }
    }

    /** Records waiting in open segments. */
    public synchronized int held() {
        return held;
    }

    private void seal(OpenSegment s, long nowNanos) {
        held -= s.count();
        sealed.accept(s.seal(nowNanos));
    }
}
