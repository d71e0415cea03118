package dev.ca4.processor.publish;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;

import java.util.List;

/**
 * Reads a producer failure: was the record certainly never written, or may a broker have appended it?
 * <p>
 * Only failures raised before the record left the producer are certain: it was refused locally (too large,
 * unserializable, no room in the buffer, the topic's metadata never came) or refused by the broker without
 * being appended (authorization, invalid topic). Everything else, above all a batch that expired after
 * {@code delivery.timeout.ms}, may have been appended by a broker that died or slowed before it answered:
 * the producer reports both cases with the same exception, so they count as unconfirmed.
 */
public final class KafkaFailures {

    private static final List<Class<? extends Throwable>> NEVER_WRITTEN = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, SerializationException.class, BufferExhaustedException.class,
            InvalidTopicException.class, AuthorizationException.class);

    /** KafkaProducer's message when the topic's metadata did not arrive within max.block.ms. */
    private static final String NO_METADATA = "not present in metadata";

    private KafkaFailures() {
    }

    /** True when some cause in the chain proves the record was never appended to the topic. */
    public static boolean neverWritten(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> c : NEVER_WRITTEN) {
                if (c.isInstance(t)) {
                    return true;
                }
            }
            if (t instanceof TimeoutException && String.valueOf(t.getMessage()).contains(NO_METADATA)) {
                return true;
            }
        }
        return false;
    }

    /** The exception the API reports for a record Kafka did not acknowledge. */
    public static PublishFailedException of(String message, Throwable failure) {
        return neverWritten(failure) ? PublishFailedException.notWritten(message, failure)
                : PublishFailedException.unconfirmed(message, failure);
    }
}
