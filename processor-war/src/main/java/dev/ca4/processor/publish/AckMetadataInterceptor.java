package dev.ca4.processor.publish;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.Map;

/**
 * Hands the partition and offset of an acknowledged record to its message's ack.
 *
 * <p>The liberty-kafka connector acks a message without the RecordMetadata. The Kafka producer calls
 * {@link #onAcknowledgement} and then the send callback (which acks the message) one after the other on the
 * same I/O thread, so a thread-local set here is exactly the metadata of the record being acked.
 */
public class AckMetadataInterceptor implements ProducerInterceptor<Object, Object> {

    private static final ThreadLocal<RecordMetadata> LAST_ACKED = new ThreadLocal<>();

    /** The metadata of the record acknowledged just now on this thread, or null; clears it. */
    public static RecordMetadata takeLastAcked() {
        RecordMetadata m = LAST_ACKED.get();
        LAST_ACKED.remove();
        return m;
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null && metadata != null && metadata.hasOffset()) {
            LAST_ACKED.set(metadata);
        } else {
            LAST_ACKED.remove();
        }
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
