package dev.ca4.worker.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every worker metric name in one place, registered at startup. Prometheus names:
 * ca4_worker_events_consumed_total, ca4_worker_events_stored_total, ca4_worker_events_duplicates_total,
 * ca4_worker_events_dead_lettered_total, ca4_worker_store_errors_total, ca4_worker_archive_objects_total, ca4_worker_store_latency_seconds,
 * ca4_worker_end_to_end_latency_seconds (produced_at to stored_at), ca4_worker_batch_size, and where a record's
 * time goes inside the worker, ca4_worker_stage_latency_seconds{stage=...}: "delivery" (its Kafka record time, set
 * when the processor sent it, to the consumer thread handing it over), "open" (a segment's first record to its
 * seal), "queue" (sealed to a segment writer taking it) and "commit" (decoding, archive PUT and bulk write).
 */
@ApplicationScoped
public class WorkerMetrics {
    private static final Metadata CONSUMED = counter("ca4.worker.events.consumed", "Records read from gpu-metadata");
    private static final Metadata STORED = counter("ca4.worker.events.stored", "Events newly stored");
    private static final Metadata DUPLICATES = counter("ca4.worker.events.duplicates",
            "Redelivered events already stored (not written again)");
    private static final Metadata DEAD = counter("ca4.worker.events.dead.lettered", "Records sent to the DLQ");
    private static final Metadata ARCHIVE_OBJECTS = counter("ca4.worker.archive.objects",
            "Segment objects written to S3 (one PUT each)");
    private static final Metadata STORE_ERRORS = counter("ca4.worker.store.errors",
            "Failed write attempts (store or archive unavailable), each retried");
    private static final Metadata STORE_LATENCY = Metadata.builder().withName("ca4.worker.store.latency")
            .withDescription("Duration of one bulk write (archive + store)").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata E2E = Metadata.builder().withName("ca4.worker.end.to.end.latency")
            .withDescription("From the event's produced_at to stored_at").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata STAGE = Metadata.builder().withName("ca4.worker.stage.latency")
            .withDescription("Time a record spends in one stage of the worker (tag stage: delivery, open, queue, "
                    + "commit)").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata BATCH = Metadata.builder().withName("ca4.worker.batch.size")
            .withDescription("Events per bulk write").build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** Filled once at registration and then only read (published by the volatile write). */
    private volatile Map<Stage, Timer> stageTimers = Map.of();

    private static Metadata counter(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        registry.counter(CONSUMED);
        registry.counter(STORED);
        registry.counter(DUPLICATES);
        registry.counter(DEAD);
        registry.counter(STORE_ERRORS);
        registry.counter(ARCHIVE_OBJECTS);
        registry.timer(STORE_LATENCY);
        registry.timer(E2E);
        registry.histogram(BATCH);
        Map<Stage, Timer> timers = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            timers.put(stage, registry.timer(STAGE, stage.tag));
        }
        stageTimers = timers;
    }

    /** The worker's stages, as ca4_worker_stage_latency_seconds tags them. */
    public enum Stage {
        DELIVERY, OPEN, QUEUE, COMMIT;

        private final Tag tag = new Tag("stage", name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Called for every record on the consumer thread: the timers are looked up once, at registration. */
    public void stage(Stage stage, long nanos) {
        Timer timer = stageTimers.get(stage);
        if (nanos >= 0 && timer != null) {
            timer.update(Duration.ofNanos(nanos));
        }
    }

    public void consumed() {
        registry.counter(CONSUMED).inc();
    }

    public void stored(int n) {
        registry.counter(STORED).inc(n);
    }

    public void duplicates(int n) {
        registry.counter(DUPLICATES).inc(n);
    }

    public void deadLettered() {
        registry.counter(DEAD).inc();
    }

    public void archiveObjects(int n) {
        registry.counter(ARCHIVE_OBJECTS).inc(n);
    }

    public void storeError() {
        registry.counter(STORE_ERRORS).inc();
    }

    public void storeLatency(long nanos, int batchSize) {
        registry.timer(STORE_LATENCY).update(Duration.ofNanos(nanos));
        registry.histogram(BATCH).update(batchSize);
    }

    public void endToEnd(Duration d) {
        if (!d.isNegative()) {
            registry.timer(E2E).update(d);
        }
    }
}
