package dev.ca4.processor.publish;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaFailuresTest {

    @Test
    void failuresBeforeTheRecordLeftTheProducerAreCertain() {
        assertTrue(KafkaFailures.neverWritten(new RecordTooLargeException("too large")));
        assertTrue(KafkaFailures.neverWritten(new BufferExhaustedException("no room")));
        assertTrue(KafkaFailures.neverWritten(new TopicAuthorizationException(Set.of("gpu-metadata"))));
        assertTrue(KafkaFailures.neverWritten(
                new TimeoutException("Topic gpu-metadata not present in metadata after 60000 ms.")));
    }

    @Test
    void anExpiredOrUnansweredBatchMayHaveBeenAppended() {
        // The producer reports a batch that expired unsent and one that expired in flight with this same message.
        assertFalse(KafkaFailures.neverWritten(new TimeoutException(
                "Expiring 1 record(s) for gpu-metadata-3:4001 ms has passed since batch creation")));
        assertFalse(KafkaFailures.neverWritten(new NetworkException("Disconnected from node 1")));
        assertFalse(KafkaFailures.neverWritten(new NotEnoughReplicasAfterAppendException("appended")));
        assertFalse(KafkaFailures.neverWritten(new IllegalStateException("anything else")));
    }

    @Test
    void looksThroughWrappers() {
        assertTrue(KafkaFailures.neverWritten(new CompletionException(new RecordTooLargeException("too large"))));
        assertFalse(KafkaFailures.neverWritten(new CompletionException(new NetworkException("gone"))));
    }

    @Test
    void theExceptionCarriesTheVerdict() {
        assertFalse(KafkaFailures.of("refused", new RecordTooLargeException("too large")).mayHaveBeenWritten());
        assertTrue(KafkaFailures.of("refused", new NetworkException("gone")).mayHaveBeenWritten());
    }
}
