package dev.ca4.search.index;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most {@code permits} searches run at once; the others wait their turn in arrival order.
 * <p>
 * Why: a search is a few hundred microseconds of pure CPU. With more concurrent searches than cores, the OS
 * time-slices them, and one preempted mid-search waits a whole scheduling period before it finishes: that wait,
 * not the search, made the query p99 (docs/similarity-search.md, "Query latency"). Queued in order, every search
 * runs on a core from its start to its end, and a query waits only for the ones that came before it.
 */
public final class QueryGate {
    private final Semaphore permits;
    private final int size;

    /** @param permits searches at once; 0 means one per available core */
    public QueryGate(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be 0 (one per core) or more, not " + permits);
        }
        this.size = permits == 0 ? Runtime.getRuntime().availableProcessors() : permits;
        this.permits = new Semaphore(size, true);
    }

    /** Runs the search when its turn comes; an interrupted wait gives up with {@link IllegalStateException}. */
    public <T> T run(Supplier<T> search) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to search", e);
        }
        try {
            return search.get();
        } finally {
            permits.release();
        }
    }

    public int permits() {
        return size;
    }
}
