package dev.ca4.producer.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2),
            RandomGenerator.of("L64X128MixRandom"));

    @Test
    void fullJitterWithinTheDoublingCap() {
        for (int attempt = 0; attempt < 30; attempt++) {
            long cap = Math.min(2000, 100L << Math.min(attempt, 20));
            for (int i = 0; i < 50; i++) {
                long ms = backoff.delay(attempt, null).toMillis();
                assertTrue(ms >= 0 && ms <= cap, attempt + ": " + ms);
            }
        }
    }

    @Test
    void retryAfterIsTheLowerBound() {
        for (int i = 0; i < 50; i++) {
            long ms = backoff.delay(0, Duration.ofSeconds(5)).toMillis();
            assertTrue(ms >= 5000 && ms <= 6000, "" + ms);
        }
    }

    @Test
    void retryAfterHeaderInSecondsOnly() {
        assertEquals(Duration.ofSeconds(5), ProcessorClient.retryAfter(" 5 "));
        assertEquals(null, ProcessorClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(null, ProcessorClient.retryAfter(null));
    }
}
