package dev.ca4.bench.ingest;

/**
 * One wrk run as its Lua {@code done()} reported it. Latencies are wrk's (its own HdrHistogram, microseconds):
 * closed loop, each connection sends its next request when the previous one is answered.
 */
public record WrkResult(long requests, long durationUs, long bytes, long non202, int firstNon202Status,
                        long connectErrors, long readErrors, long writeErrors, long timeouts,
                        long p50Us, long p90Us, long p99Us, long maxUs, long meanUs) {

    public double requestsPerSecond() {
        return durationUs == 0 ? 0 : requests * 1e6 / durationUs;
    }

    /** Requests answered 202 per second: the accepted rate. */
    public double acceptedPerSecond() {
        return durationUs == 0 ? 0 : (requests - non202) * 1e6 / durationUs;
    }

    /** Every request not answered 202: other statuses, socket errors and timeouts. */
    public long errors() {
        return non202 + connectErrors + readErrors + writeErrors + timeouts;
    }
}
