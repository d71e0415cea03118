package dev.ca4.worker.consume;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StallDetectorTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aChannelThatDeliversNothingWhileRecordsWaitIsDeadAfterTheStallTime() {
        StallDetector d = new StallDetector(60 * S, 0);
        assertFalse(d.observe(5 * S, 100, 500, true));
        assertFalse(d.observe(30 * S, 100, 600, true));
        assertFalse(d.observe(64 * S, 100, 700, true));
        assertTrue(d.observe(66 * S, 100, 700, true));
    }

    @Test
    void deliveriesKeepItAlive() {
        StallDetector d = new StallDetector(60 * S, 0);
        for (int i = 1; i < 100; i++) {
            assertFalse(d.observe(i * 5 * S, i, 500, true));
        }
    }

    @Test
    void nothingToConsumeIsNotAStall() {
        StallDetector d = new StallDetector(60 * S, 0);
        for (int i = 1; i < 100; i++) {
            assertFalse(d.observe(i * 5 * S, 7, 0, true));
        }
    }

    @Test
    void aWriterHoldingDeliveriesBackIsNotAStall() {
        // The store or S3 is down: the connector stops at unacked.limit, nothing new arrives, lag grows.
        StallDetector d = new StallDetector(60 * S, 0);
        for (int i = 1; i < 100; i++) {
            assertFalse(d.observe(i * 5 * S, 1000, 500 + i, false));
        }
    }

    @Test
    void kafkaNotAnsweringConcludesNothing() {
        StallDetector d = new StallDetector(60 * S, 0);
        for (int i = 1; i < 100; i++) {
            assertFalse(d.observe(i * 5 * S, 1000, -1, true));
        }
    }

    @Test
    void theStallClockStartsAgainAfterTheWriterWasBusy() {
        StallDetector d = new StallDetector(60 * S, 0);
        assertFalse(d.observe(50 * S, 10, 500, true));
        assertFalse(d.observe(55 * S, 10, 500, false));
        assertFalse(d.observe(100 * S, 10, 500, true));
        assertTrue(d.observe(116 * S, 10, 500, true));
    }
}
