package dev.ca4.bench.drain;

import dev.ca4.bench.pipeline.WorkerControl.WorkerUsage;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrainClockTest {

    @Test
    void countsOnlyWhatWasStoredAfterTheWarmUpPart() throws Exception {
        Iterator<Long> counts = List.of(0L, 40L, 150L, 600L, 1000L).iterator();
        DrainRun r = DrainClock.measure(counts::next, () -> WorkerUsage.UNKNOWN, 1000, 0.1, true, System.nanoTime());
        // the clock starts at the first poll with >= 100 stored (150), so 850 documents are timed
        assertEquals(850, r.measuredEvents());
        assertEquals(1000, r.events());
        assertTrue(r.archive());
        assertTrue(r.measuredSeconds() > 0);
    }

    @Test
    void timesTheSecondHalfFromTheFirstPollThatSawHalfStored() throws Exception {
        Iterator<Long> counts = List.of(0L, 150L, 499L, 600L, 800L, 1000L).iterator();
        DrainRun r = DrainClock.measure(counts::next, () -> WorkerUsage.UNKNOWN, 1000, 0.1, false, System.nanoTime());
        assertEquals(400, r.secondHalfEvents()); // from 600, the first count >= 500
        assertTrue(r.secondHalfSeconds() > 0 && r.secondHalfSeconds() < r.measuredSeconds());
        assertTrue(r.secondHalfDocumentsPerSecond() > 0);
    }

    @Test
    void chargesTheWorkerOnlyWhatItUsedFromHalfStoredToTheEnd() throws Exception {
        Iterator<Long> counts = List.of(0L, 500L, 1000L).iterator();
        // read at half stored (cpu 30 s, gc 2 s) and at the end (cpu 32 s, gc 2.5 s)
        Iterator<WorkerUsage> usage = List.of(new WorkerUsage(30, 2), new WorkerUsage(32, 2.5)).iterator();
        DrainRun r = DrainClock.measure(counts::next, usage::next, 1000, 0.1, false, System.nanoTime());
        assertEquals(2.0, r.secondHalfWorkerCpuSeconds(), 1e-9);
        assertEquals(0.5, r.secondHalfGcSeconds(), 1e-9);
        assertEquals(4000.0, r.workerCpuMsPerThousand(), 1e-6); // 2 s for 500 documents
    }

    @Test
    void keepsTheCurveFromTheStartToTheLastCount() throws Exception {
        Iterator<Long> counts = List.of(0L, 500L, 1000L).iterator();
        DrainRun r = DrainClock.measure(counts::next, () -> WorkerUsage.UNKNOWN, 1000, 0.1, false, System.nanoTime());
        assertEquals(0L, r.curve().get(0).stored());
        assertEquals(1000L, r.curve().get(r.curve().size() - 1).stored());
        assertTrue(Double.isNaN(r.workerCpuMsPerThousand()));
    }

    @Test
    void computesNoRateForAnEmptyWindow() {
        DrainRun r = new DrainRun(false, 10, 0, 0.0, 0, 0.0, 1.0, List.of(), 1.0, 0.1);
        assertEquals(0.0, r.documentsPerSecond());
        assertEquals(0.0, r.secondHalfDocumentsPerSecond());
        assertTrue(Double.isNaN(r.workerCpuMsPerThousand()));
    }
}
