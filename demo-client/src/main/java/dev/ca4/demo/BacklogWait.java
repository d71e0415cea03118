package dev.ca4.demo;

/**
 * Whether to keep waiting for events that are not stored yet, from what the worker reports (GET /stats): its
 * stored count and its group's lag. A pure decision, tested on given figures. Older events queued ahead of ours
 * (a backlog) are not a failure: while the worker drains, the wait is stretched to what the measured drain rate
 * says the backlog needs, up to {@code maxWaitSeconds}; past that, or when the backlog would take longer, the
 * run reports the backlog instead of failing. Only a worker that stores nothing while events wait is a failure.
 */
final class BacklogWait {
    enum Verdict { WAIT, BACKLOG, STUCK }

    private final double baseSeconds;
    private final double maxWaitSeconds;

    BacklogWait(double baseSeconds, double maxWaitSeconds) {
        this.baseSeconds = baseSeconds;
        this.maxWaitSeconds = maxWaitSeconds;
    }

    /**
     * @param elapsed     seconds since the wait began
     * @param lag         records of the group not yet committed (-1: unknown)
     * @param drainRate   documents stored per second over the wait so far
     */
    Verdict decide(double elapsed, long lag, double drainRate) {
        if (elapsed < baseSeconds) {
            return Verdict.WAIT;
        }
        if (drainRate <= 0) {
            return Verdict.STUCK;
        }
        if (lag <= 0) {
            // nothing queued ahead, yet not stored: give the last segments a little longer, then call it stuck
            return elapsed < baseSeconds * 1.5 ? Verdict.WAIT : Verdict.STUCK;
        }
        return elapsed + secondsToDrain(lag, drainRate) <= maxWaitSeconds ? Verdict.WAIT : Verdict.BACKLOG;
    }

    static double secondsToDrain(long lag, double drainRate) {
        return drainRate <= 0 ? Double.POSITIVE_INFINITY : lag / drainRate;
    }
}
