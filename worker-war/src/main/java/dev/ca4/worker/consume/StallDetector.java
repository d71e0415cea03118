package dev.ca4.worker.consume;

/**
 * Tells a dead Kafka channel from a busy or blocked one. The liberty-kafka connector's poll loop can die for good
 * when an acknowledgement arrives while the broker is away (a {@code WakeupException} escapes its offset commit
 * during a broker restart, CWMRX1000E/CWMRX1002E in the log): the application keeps running, readiness stays UP,
 * and nothing is consumed again. Stalled means: the group has records to consume, the writer has nothing pending
 * and no failing write (so it is not the store or S3 holding deliveries back), the lag has not gone down, and no
 * record arrived for {@code stallNanos}.
 */
public final class StallDetector {
    private final long stallNanos;
    private long lastProgressNanos;
    private long lastConsumed = -1;
    private long lastLag = Long.MAX_VALUE;

    public StallDetector(long stallNanos, long nowNanos) {
        this.stallNanos = stallNanos;
        this.lastProgressNanos = nowNanos;
    }

    /**
     * One observation; returns true when the channel counts as dead.
     *
     * @param consumed     records consumed so far (a counter)
     * @param lag          the group's lag now, or -1 when Kafka did not answer (then nothing is concluded)
     * @param writerIdle   the writer has nothing pending and its last write succeeded
     */
    public boolean observe(long nowNanos, long consumed, long lag, boolean writerIdle) {
        boolean progress = consumed != lastConsumed || lag < 0 || lag == 0 || lag < lastLag || !writerIdle;
        lastConsumed = consumed;
        if (lag >= 0) {
            lastLag = lag;
        }
        if (progress) {
            lastProgressNanos = nowNanos;
            return false;
        }
        return nowNanos - lastProgressNanos >= stallNanos;
    }
}
