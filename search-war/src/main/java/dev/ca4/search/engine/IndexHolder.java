package dev.ca4.search.engine;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Where the feed publishes the index once it is open, and how far it has read: the API answers from it, the
 * health checks report it. Written by the feed's thread only.
 */
@ApplicationScoped
public class IndexHolder {
    private volatile SearchIndex index;
    private volatile boolean caughtUp;
    private volatile long lag = -1;
    private volatile long lastPollMillis = System.currentTimeMillis();
    private volatile String problem = "starting";

    public Optional<SearchIndex> index() {
        return Optional.ofNullable(index);
    }

    public void opened(SearchIndex opened) {
        this.index = opened;
    }

    /** Records a poll: the records still to read (-1 = unknown) and whether the start's end offsets are reached. */
    public void polled(long recordsBehind, boolean reachedStartEnd) {
        lastPollMillis = System.currentTimeMillis();
        lag = recordsBehind;
        caughtUp |= reachedStartEnd;
        problem = null;
    }

    /** The feed cannot read (no topic yet, no broker, a failed snapshot); null when it reads. */
    public void problem(String why) {
        problem = why;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public long lag() {
        return lag;
    }

    public long lastPollMillis() {
        return lastPollMillis;
    }

    public String problem() {
        return problem;
    }
}
