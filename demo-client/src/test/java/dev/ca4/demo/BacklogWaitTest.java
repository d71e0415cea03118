package dev.ca4.demo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BacklogWaitTest {
    private final BacklogWait wait = new BacklogWait(120, 600);

    @Test
    void waitsTheBaseTimeWhateverTheFigures() {
        assertEquals(BacklogWait.Verdict.WAIT, wait.decide(119, 50_000, 0));
    }

    @Test
    void keepsWaitingWhileTheMeasuredDrainCanEmptyTheBacklogInTime() {
        // 48,000 queued at 2,000 docs/s: 24 s more
        assertEquals(BacklogWait.Verdict.WAIT, wait.decide(130, 48_000, 2_000));
    }

    @Test
    void reportsABacklogThatWouldTakeLongerThanTheLongestWait() {
        // 48,000 queued at 170 docs/s: 282 s more, past 600 s at 330 s
        assertEquals(BacklogWait.Verdict.BACKLOG, wait.decide(330, 48_000, 170));
        assertEquals(282.0, BacklogWait.secondsToDrain(48_000, 170), 1.0);
    }

    @Test
    void aWorkerThatStoresNothingIsStuck() {
        assertEquals(BacklogWait.Verdict.STUCK, wait.decide(121, 48_000, 0));
    }

    @Test
    void noLagButNotStoredGetsHalfTheBaseTimeMoreThenIsStuck() {
        assertEquals(BacklogWait.Verdict.WAIT, wait.decide(150, 0, 10));
        assertEquals(BacklogWait.Verdict.STUCK, wait.decide(180, 0, 10));
    }
}
