package dev.ca4.worker.consume;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.event.Violation;
import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.deadletter.DeadLetterReason;
import dev.ca4.worker.metrics.WorkerMetrics;
import dev.ca4.worker.store.BatchingWriter;
import dev.ca4.worker.transform.DocumentTransforms;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The only consumer of {@code gpu-metadata} (group ca4-worker). Decodes and validates each record with the
 * same validator as the API, turns it into its document, and hands it to the batching writer; records that can
 * never be processed go to the writer as dead letters. Acknowledgement is manual and happens in the writer,
 * after the record's writes succeeded, so returning at once here lets records of many batches be in flight.
 */
@ApplicationScoped
public class GpuMetadataConsumer {

    @Inject
    WorkerConfig config;
    @Inject
    BatchingWriter writer;
    @Inject
    WorkerMetrics metrics;
    @Inject
    ConsumerWatchdog watchdog;

    private final EventValidator validator = new EventValidator();
    private DocumentTransforms transforms;

    @PostConstruct
    void init() {
        transforms = new DocumentTransforms(config.workerVersion());
    }

    @Incoming("gpuMetadata")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        metrics.consumed();
        watchdog.consumed();
        RecordOrigin origin = origin(message);
        byte[] raw = message.getPayload() == null ? new byte[0] : message.getPayload();
        writer.submit(decode(raw, origin, message));
        return CompletableFuture.completedFuture(null);
    }

    private PendingWrite decode(byte[] raw, RecordOrigin origin, Message<?> message) {
        JsonNode tree;
        try {
            tree = EventJson.parse(raw);
        } catch (EventJson.MalformedJsonException e) {
            return PendingWrite.deadLetter(raw, origin, message, DeadLetterReason.notJson(e.getMessage()));
        }
        // The processor always sets event_id; without it a redelivery could not be recognised.
        if (tree.isObject() && !tree.hasNonNull("event_id")) {
            return PendingWrite.deadLetter(raw, origin, message, DeadLetterReason.invalid(List.of(
                    Violation.of("event_id", "required", "is required on the topic"))));
        }
        EventValidator.Result r = validator.validate(tree);
        if (!r.valid()) {
            return PendingWrite.deadLetter(raw, origin, message, DeadLetterReason.invalid(r.violations()));
        }
        return PendingWrite.store(r.event(), raw, transforms.toDocument(r.event(), origin), origin, message);
    }

    @SuppressWarnings("unchecked")
    private static RecordOrigin origin(Message<?> message) {
        try {
            ConsumerRecord<String, ?> rec = message.unwrap(ConsumerRecord.class);
            return new RecordOrigin(rec.topic(), rec.partition(), rec.offset(), rec.key());
        } catch (RuntimeException e) { // not a Kafka message (should not happen with liberty-kafka)
            return RecordOrigin.UNKNOWN;
        }
    }
}
