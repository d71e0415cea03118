package dev.ca4.processor.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchStatusTest {

    @Test
    void everyItemAcceptedIs202() {
        assertEquals(BatchStatus.ALL_ACCEPTED, BatchStatus.of(3, 0, 3));
        assertEquals(BatchStatus.ALL_ACCEPTED, BatchStatus.of(1, 0, 1));
        assertEquals(202, BatchStatus.ALL_ACCEPTED.code);
    }

    @Test
    void noValidItemIs400AndIsRefusedBeforePublishing() {
        assertTrue(BatchStatus.allInvalid(2, 2));
        assertFalse(BatchStatus.allInvalid(2, 1));
        assertEquals(BatchStatus.ALL_INVALID, BatchStatus.of(2, 2, 0));
        assertEquals(400, BatchStatus.ALL_INVALID.code);
    }

    @Test
    void kafkaTakingNoneOfAnAllValidBatchIs503SoTheClientRetriesItWhole() {
        assertEquals(BatchStatus.KAFKA_UNAVAILABLE, BatchStatus.of(4, 0, 0));
        assertEquals(503, BatchStatus.KAFKA_UNAVAILABLE.code);
    }

    @Test
    void anyMixIs207WithPerItemAnswers() {
        assertEquals(BatchStatus.MIXED, BatchStatus.of(3, 1, 2), "one invalid, the rest accepted");
        assertEquals(BatchStatus.MIXED, BatchStatus.of(3, 0, 2), "one not published, the rest accepted");
        assertEquals(BatchStatus.MIXED, BatchStatus.of(3, 1, 0), "one invalid, Kafka took none of the others");
        assertEquals(BatchStatus.MIXED, BatchStatus.of(3, 1, 1), "one of each");
        assertEquals(207, BatchStatus.MIXED.code);
    }

    @Test
    void impossibleCountsAreABug() {
        assertThrows(IllegalArgumentException.class, () -> BatchStatus.of(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BatchStatus.of(2, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> BatchStatus.of(2, -1, 1));
    }
}
