package dev.ca4.worker.deadletter;

import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.record.DeadLetterReason;
import dev.ca4.worker.record.RecordOrigin;
import dev.ca4.worker.metrics.WorkerMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The only way to dead-letter: publishes the original record bytes to {@code gpu-metadata-dlq} with the reason
 * and origin in headers ({@code ca4.dlq.*}). The returned stage completes when Kafka acknowledged it; only then
 * may the original be acknowledged.
 */
@ApplicationScoped
public class DeadLetterReporter {
    private static final Logger LOG = Logger.getLogger(DeadLetterReporter.class.getName());
    public static final String H_REASON = "ca4.dlq.reason";
    public static final String H_RULE = "ca4.dlq.rule";
    public static final String H_TOPIC = "ca4.dlq.origin.topic";
    public static final String H_PARTITION = "ca4.dlq.origin.partition";
    public static final String H_OFFSET = "ca4.dlq.origin.offset";
    public static final String H_AT = "ca4.dlq.at";
    public static final String H_WORKER = "ca4.dlq.worker-version";

    @Inject
    @Channel("deadLetters")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<ProducerRecord<String, byte[]>> emitter;

    @Inject
    WorkerConfig config;

    @Inject
    WorkerMetrics metrics;

    public CompletionStage<Void> report(RecordOrigin origin, byte[] value, DeadLetterReason reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.dlqTopic(), origin.key(), value);
        header(record, H_REASON, reason.message());
        header(record, H_RULE, reason.code());
        header(record, H_TOPIC, origin.topic());
        header(record, H_PARTITION, String.valueOf(origin.partition()));
        header(record, H_OFFSET, String.valueOf(origin.offset()));
        header(record, H_AT, Instant.now().toString());
        header(record, H_WORKER, config.workerVersion());
        CompletableFuture<Void> done = new CompletableFuture<>();
        emitter.send(Message.of(record, () -> {
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            done.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return done.orTimeout(10, TimeUnit.SECONDS).thenRun(() -> {
            metrics.deadLettered();
            // The JSON parser's message quotes the payload ("Unrecognized token '...'"): payloads are never
            // logged, so a not-json reason stays in the DLQ record's header only.
            LOG.warning("dead-lettered " + origin + " key=" + origin.key() + " code=" + reason.code() + ": "
                    + (reason.code().equals("not-json") ? "not JSON (the parser's detail is in the DLQ record's "
                    + H_REASON + " header)" : reason.message()));
        });
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
