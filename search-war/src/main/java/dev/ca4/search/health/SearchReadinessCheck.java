package dev.ca4.search.health;

import dev.ca4.search.config.SearchConfig;
import dev.ca4.search.engine.IndexHolder;
import dev.ca4.search.engine.SearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the index is open and the feed has read the topic up to where it ended when the service started, and
 * while it stays within ca4.search.ready-max-lag records of the end: a replica still rebuilding answers from a
 * partial index, so it gets no traffic.
 */
@Readiness
@ApplicationScoped
public class SearchReadinessCheck implements HealthCheck {

    @Inject
    IndexHolder holder;
    @Inject
    SearchConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("search-index");
        boolean open = holder.index().isPresent();
        long lag = holder.lag();
        boolean ready = open && holder.caughtUp() && lag <= config.readyMaxLag();
        r.status(ready).withData("vectors", holder.index().map(SearchIndex::size).orElse(0))
                .withData("graph_vectors", holder.index().map(SearchIndex::inGraph).orElse(0))
                .withData("graph_saved", holder.index().map(SearchIndex::graphSaved).orElse(0))
                .withData("graph_reloaded", holder.index().map(SearchIndex::graphReloaded).orElse(0))
                .withData("caught_up", holder.caughtUp()).withData("lag_records", lag);
        if (holder.problem() != null) {
            r.withData("problem", holder.problem());
        }
        return r.build();
    }
}
