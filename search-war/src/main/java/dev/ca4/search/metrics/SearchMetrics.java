package dev.ca4.search.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Every search metric name in one place. Prometheus names: ca4_search_events_indexed_total,
 * ca4_search_events_duplicates_total, ca4_search_events_skipped_total{reason}, ca4_search_query_seconds{kind},
 * ca4_search_searchable_latency_seconds (received_at to searchable), and the gauges ca4_search_vectors,
 * ca4_search_graph_vectors, ca4_search_index_bytes, ca4_search_lag_records.
 */
@ApplicationScoped
public class SearchMetrics {
    private static final Metadata INDEXED = plain("ca4.search.events.indexed", "Events added to the index");
    private static final Metadata DUPLICATES = plain("ca4.search.events.duplicates",
            "Events whose event_id was indexed already (redelivered or resent), not added again");
    private static final Metadata SKIPPED = plain("ca4.search.events.skipped",
            "Records not indexed: invalid (the worker dead-letters them) or of another dimension");
    private static final Metadata QUERY = timed("ca4.search.query", "Duration of one query");
    private static final Metadata SEARCHABLE = timed("ca4.search.searchable.latency",
            "From the event's received_at (the processor accepted it) to searchable here");
    public static final Metadata VECTORS = gauge("ca4.search.vectors", "Vectors indexed (searchable)", MetricUnits.NONE);
    public static final Metadata GRAPH_VECTORS = gauge("ca4.search.graph.vectors",
            "Vectors in the graph; the rest are scanned exactly", MetricUnits.NONE);
    public static final Metadata INDEX_BYTES = gauge("ca4.search.index.bytes",
            "Heap taken by the graph and the PQ codes", MetricUnits.BYTES);
    public static final Metadata LAG = gauge("ca4.search.lag.records",
            "Records of the topic not read yet (-1 until known)", MetricUnits.NONE);

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private static Metadata plain(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    private static Metadata timed(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(MetricUnits.SECONDS).build();
    }

    private static Metadata gauge(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        registry.counter(INDEXED);
        registry.counter(DUPLICATES);
        registry.counter(SKIPPED, new Tag("reason", "invalid"));
        registry.counter(SKIPPED, new Tag("reason", "dimension"));
        registry.timer(QUERY, new Tag("kind", "similar"));
        registry.timer(QUERY, new Tag("kind", "search"));
        registry.timer(SEARCHABLE);
    }

    /** Registers a gauge read from the caller's state (the feed's). */
    public void gauge(Metadata metadata, Supplier<Long> value) {
        registry.gauge(metadata, value);
    }

    public void indexed(Duration sinceReceived) {
        registry.counter(INDEXED).inc();
        if (sinceReceived != null && !sinceReceived.isNegative()) {
            registry.timer(SEARCHABLE).update(sinceReceived);
        }
    }

    public void duplicate() {
        registry.counter(DUPLICATES).inc();
    }

    public void skipped(String reason) {
        registry.counter(SKIPPED, new Tag("reason", reason)).inc();
    }

    public void queried(String kind, Duration took) {
        registry.timer(QUERY, new Tag("kind", kind)).update(took);
    }
}
