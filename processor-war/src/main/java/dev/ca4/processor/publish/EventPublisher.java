package dev.ca4.processor.publish;

import dev.ca4.event.EventJson;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.processor.config.ProcessorConfig;
import dev.ca4.processor.metrics.ProcessorMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one validated event to {@code gpu-metadata} through the Reactive Messaging emitter, keyed by
 * event_id. The returned stage completes only when Kafka has acknowledged the record (acks=all), and fails
 * with {@link PublishFailedException} on a nack or when no ack came within {@code ca4.api.publish-timeout-ms};
 * the exception says whether the record may still have been written ({@link KafkaFailures}).
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    @Channel("gpuMetadata")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) // bounded in practice by requests in flight
    Emitter<ProducerRecord<String, byte[]>> emitter;

    @Inject
    ProcessorConfig config;

    @Inject
    ProcessorMetrics metrics;

    public CompletionStage<PublishReceipt> publish(GpuMetadataEvent event) {
        long start = System.nanoTime();
        CompletableFuture<PublishReceipt> done = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(config.topic(), event.eventId(), EventJson.toBytes(event));
        Message<ProducerRecord<String, byte[]>> message = Message.of(record, () -> {
            RecordMetadata m = AckMetadataInterceptor.takeLastAcked();
            done.complete(m == null ? new PublishReceipt(event.eventId(), -1, -1)
                    : new PublishReceipt(event.eventId(), m.partition(), m.offset()));
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            done.completeExceptionally(KafkaFailures.of("Kafka refused the record: " + failure, failure));
            return CompletableFuture.completedFuture(null);
        });
        try {
            emitter.send(message);
        } catch (RuntimeException e) { // channel down or cancelled
            done.completeExceptionally(PublishFailedException.notWritten("Kafka channel unavailable: " + e, e));
        }
        return done.orTimeout(config.publishTimeoutMs(), TimeUnit.MILLISECONDS)
                .handle((receipt, failure) -> {
                    if (failure == null) {
                        metrics.publishLatency(System.nanoTime() - start);
                        return receipt;
                    }
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause()
                            : failure;
                    if (cause instanceof TimeoutException) { // the producer still holds the record: it may yet be sent
                        throw PublishFailedException.unconfirmed("Kafka did not acknowledge within "
                                + config.publishTimeoutMs() + " ms", cause);
                    }
                    throw cause instanceof PublishFailedException p ? p
                            : PublishFailedException.unconfirmed(String.valueOf(cause), cause);
                });
    }

    /** False once the channel has been cancelled: the application cannot publish until restarted. */
    public boolean channelAlive() {
        return !emitter.isCancelled();
    }
}
