package dev.ca4.processor.metrics;

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
import java.util.List;

/**
 * Every processor metric name in one place. Registered at startup so /metrics shows them before the first
 * request. Prometheus names: ca4_processor_events_accepted_total, ca4_processor_events_rejected_total{reason},
 * ca4_processor_publish_latency_seconds, ca4_processor_request_size_bytes.
 */
@ApplicationScoped
public class ProcessorMetrics {

    /** The rejection reasons the API can give, so each series exists (at 0) from the start. */
    public static final List<String> REASONS = List.of("invalid-event", "payload-too-large",
            "unsupported-media-type", "unauthorized", "kafka-unavailable", "publish-unconfirmed", "batch-too-large", "not-found",
            "method-not-allowed", "rate-limited", "internal-error");

    private static final Metadata ACCEPTED = Metadata.builder().withName("ca4.processor.events.accepted")
            .withDescription("Events acknowledged by Kafka and answered 202").build();
    private static final Metadata REJECTED = Metadata.builder().withName("ca4.processor.events.rejected")
            .withDescription("Requests or batch items answered with an error, by reason").build();
    private static final Metadata PUBLISH = Metadata.builder().withName("ca4.processor.publish.latency")
            .withDescription("Time from publish to Kafka acknowledgement").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata SIZE = Metadata.builder().withName("ca4.processor.request.size")
            .withDescription("Size of ingest request bodies").withUnit(MetricUnits.BYTES).build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        registry.counter(ACCEPTED);
        REASONS.forEach(r -> registry.counter(REJECTED, new Tag("reason", r)));
        registry.timer(PUBLISH);
        registry.histogram(SIZE);
    }

    public void accepted(long n) {
        registry.counter(ACCEPTED).inc(n);
    }

    public void rejected(String reason, long n) {
        registry.counter(REJECTED, new Tag("reason", reason)).inc(n);
    }

    public void publishLatency(long nanos) {
        registry.timer(PUBLISH).update(Duration.ofNanos(nanos));
    }

    public void requestSize(long bytes) {
        registry.histogram(SIZE).update(bytes);
    }
}
