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
}
