package dev.ca4.processor.api;

import dev.ca4.event.Problem;
import dev.ca4.processor.publish.PublishFailedException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishingTest {

    @Test
    void saysNotStoredOnlyWhenTheRecordNeverReachedABroker() {
        Problem p = Publishing.problem(new CompletionException(
                PublishFailedException.notWritten("Kafka channel unavailable", null)));
        assertEquals(503, p.status());
        assertEquals("urn:ca4:problem:kafka-unavailable", p.type());
        assertTrue(p.detail().startsWith("the event was not stored: Kafka channel unavailable"), p.detail());
    }

    @Test
    void saysUnconfirmedWhenABrokerMayHaveAppendedIt() {
        Problem p = Publishing.problem(PublishFailedException.unconfirmed("Kafka did not acknowledge within 5000 ms",
                null));
        assertEquals(503, p.status());
        assertEquals("urn:ca4:problem:publish-unconfirmed", p.type());
        assertTrue(p.detail().contains("may or may not be stored: Kafka did not acknowledge within 5000 ms"),
                p.detail());
        assertTrue(p.detail().contains("retry with the same event_id"), p.detail());
    }

    @Test
    void anUnexplainedFailureIsNotCalledNotStored() {
        assertEquals("urn:ca4:problem:publish-unconfirmed",
                Publishing.problem(new IllegalStateException("boom")).type());
    }
}
