package dev.ca4.bench.drain;

import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrainClockTest {

    @Test
    void countsOnlyWhatWasStoredAfterTheWarmUpPart() throws Exception {
        Iterator<Long> counts = List.of(0L, 40L, 150L, 600L, 1000L).iterator();
        DrainRun r = DrainClock.measure(counts::next, 1000, 0.1, true, System.nanoTime());
        // the clock starts at the first poll with >= 100 stored (150), so 850 documents are timed
        assertEquals(850, r.measuredEvents());
        assertEquals(1000, r.events());
        assertTrue(r.archive());
        assertTrue(r.measuredSeconds() > 0);
    }

    @Test
    void timesTheSecondHalfFromTheFirstPollThatSawHalfStored() throws Exception {
        Iterator<Long> counts = List.of(0L, 150L, 499L, 600L, 800L, 1000L).iterator();
        DrainRun r = DrainClock.measure(counts::next, 1000, 0.1, false, System.nanoTime());
        assertEquals(400, r.secondHalfEvents()); // from 600, the first count >= 500
        assertTrue(r.secondHalfSeconds() > 0 && r.secondHalfSeconds() < r.measuredSeconds());
        assertTrue(r.secondHalfDocumentsPerSecond() > 0);
    }

    @Test
    void keepsTheCurveFromTheStartToTheLastCount() throws Exception {
        Iterator<Long> counts = List.of(0L, 500L, 1000L).iterator();
        DrainRun r = DrainClock.measure(counts::next, 1000, 0.1, false, System.nanoTime());
        assertEquals(0L, r.curve().get(0).stored());
        assertEquals(1000L, r.curve().get(r.curve().size() - 1).stored());
    }

    @Test
    void computesNoRateForAnEmptyWindow() {
        DrainRun r = new DrainRun(false, 10, 0, 0.0, 0, 0.0, 1.0, List.of());
        assertEquals(0.0, r.documentsPerSecond());
        assertEquals(0.0, r.secondHalfDocumentsPerSecond());
    }
}
