package dev.ca4.bench.pipeline;

import dev.ca4.event.EventJson;
import dev.ca4.event.GpuMetadataEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes events to {@code gpu-metadata} in the processor's exact record format: key = event_id, value = the
 * normalized event JSON (EventJson.toBytes, embedding as values_b64, received_at set).
 */
public final class TopicFiller {
    private static final int DISTINCT = 64;
    private final Properties producerSettings;
    private final String topic;
    private final Events events;

    public TopicFiller(Properties producerSettings, String topic, Events events) {
        this.producerSettings = (Properties) producerSettings.clone();
        // A bulk load, not a request path: wait for buffer space and deliveries instead of failing fast as the
        // processor must. Batching and compression, which shape the records, stay the processor's.
        this.producerSettings.setProperty("max.block.ms", "60000");
        this.producerSettings.setProperty("request.timeout.ms", "30000");
        this.producerSettings.setProperty("delivery.timeout.ms", "120000");
        this.topic = topic;
        this.events = events;
    }

    /** Sends {@code n} events with fresh ids and returns once the broker acknowledged all of them. */
    public void fill(int n) {
        // Different embeddings in turn: records next to each other in a batch do not repeat (compression).
        List<GpuMetadataEvent> likes = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            likes.add(events.validatedEvent());
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings)) {
            for (int i = 0; i < n && failure.get() == null; i++) {
                GpuMetadataEvent e = events.topicEvent(likes.get(i % DISTINCT));
                producer.send(new ProducerRecord<>(topic, e.eventId(), EventJson.toBytes(e)), (m, ex) -> {
                    if (ex != null) {
                        failure.compareAndSet(null, ex);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("filling " + topic + " failed", failure.get());
        }
    }

    /** The record value of one event, as on the topic. */
    public byte[] oneValue() {
        return EventJson.toBytes(events.topicEvent(events.validatedEvent()));
    }
}
