package dev.ca4.worker.consume;

import dev.ca4.worker.metrics.WorkerMetrics;
import dev.ca4.worker.record.PolledRecord;
import dev.ca4.worker.record.RecordOrigin;
import dev.ca4.worker.sink.SegmentSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The only consumer of {@code gpu-metadata} (group ca4-worker): hands each record, undecoded, to the
 * {@link SegmentSink}. liberty-kafka delivers every record on one thread, so that thread does nothing else:
 * decoding happens on the segment writers (bench/README.md, "The sink, second round"). Acknowledgement is manual
 * and happens in the sink once the record's segment is committed, so returning at once here lets records of many
 * segments be in flight.
 */
@ApplicationScoped
public class GpuMetadataConsumer {

    @Inject
    SegmentSink sink;
    @Inject
    WorkerMetrics metrics;
    @Inject
    ConsumerWatchdog watchdog;

    @Incoming("gpuMetadata")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        metrics.consumed();
        watchdog.consumed();
        ConsumerRecord<?, ?> rec = kafkaRecord(message);
        RecordOrigin origin = rec == null ? RecordOrigin.UNKNOWN
                : new RecordOrigin(rec.topic(), rec.partition(), rec.offset(), (String) rec.key());
        long timestamp = rec == null ? System.currentTimeMillis() : rec.timestamp();
        byte[] raw = message.getPayload() == null ? new byte[0] : message.getPayload();
        sink.submit(new PolledRecord(origin, timestamp, raw, ackOnce(message)));
        return CompletableFuture.completedFuture(null);
    }

    /** A retried commit may reach a record it already acknowledged: the connector is told once. */
    private static Runnable ackOnce(Message<?> message) {
        AtomicBoolean acked = new AtomicBoolean();
        return () -> {
            if (acked.compareAndSet(false, true)) {
                message.ack();
            }
        };
    }

    private static ConsumerRecord<?, ?> kafkaRecord(Message<?> message) {
        try {
            return message.unwrap(ConsumerRecord.class);
        } catch (RuntimeException e) { // not a Kafka message (should not happen with liberty-kafka)
            return null;
        }
    }
}
