package dev.ca4.search.feed;

import dev.ca4.search.config.SearchConfig;
import dev.ca4.search.engine.IndexHolder;
import dev.ca4.search.engine.SearchIndex;
import dev.ca4.search.metrics.SearchMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the feed's thread with the application and stops it (checkpointing) with the application. */
@ApplicationScoped
public class FeedLifecycle {
    private static final Logger LOG = Logger.getLogger(FeedLifecycle.class.getName());

    @Inject
    SearchConfig config;
    @Inject
    IndexHolder holder;
    @Inject
    SearchMetrics metrics;

    private TopicFeed feed;
    private Thread thread;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        metrics.gauge(SearchMetrics.VECTORS, () -> (long) holder.index().map(SearchIndex::size).orElse(0));
        metrics.gauge(SearchMetrics.GRAPH_VECTORS, () -> (long) holder.index().map(SearchIndex::inGraph).orElse(0));
        metrics.gauge(SearchMetrics.INDEX_BYTES, () -> holder.index().map(SearchIndex::ramBytesUsed).orElse(0L));
        metrics.gauge(SearchMetrics.LAG, holder::lag);
        feed = new TopicFeed(config, holder, metrics);
        thread = new Thread(feed, "ca4-search-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the feed's thread runs (liveness). */
    public boolean running() {
        return thread != null && thread.isAlive();
    }

    @PreDestroy
    void stop() {
        if (feed == null) {
            return;
        }
        feed.stop();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        holder.index().ifPresent(index -> {
            try {
                index.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the search index", e);
            }
        });
    }
}
