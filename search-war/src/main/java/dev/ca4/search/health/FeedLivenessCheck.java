package dev.ca4.search.health;

import dev.ca4.search.engine.IndexHolder;
import dev.ca4.search.engine.SearchIndex;
import dev.ca4.search.feed.FeedLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the feed's thread runs (it waits out a missing broker or topic itself). A graph that stopped growing
 * is reported but keeps the service live: the vectors it does not cover are scanned exactly.
 */
@Liveness
@ApplicationScoped
public class FeedLivenessCheck implements HealthCheck {

    @Inject
    FeedLifecycle feed;
    @Inject
    IndexHolder holder;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("search-feed").status(feed.running())
                .withData("last_poll_ms_ago", System.currentTimeMillis() - holder.lastPollMillis());
        holder.index().map(SearchIndex::indexFailure).ifPresent(f -> r.withData("graph_error", f.toString()));
        return r.build();
    }
}
