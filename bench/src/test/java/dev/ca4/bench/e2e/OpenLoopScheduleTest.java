package dev.ca4.bench.e2e;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpenLoopScheduleTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void requestIIsIntendedAtStartPlusIOverRate() {
        OpenLoopSchedule s = OpenLoopSchedule.of(500, 10, 1_000, T0);
        assertEquals(5000, s.count());
        assertEquals(1_000, s.intendedNanos(0));
        assertEquals(1_000 + 2_000_000, s.intendedNanos(1));
        assertEquals(1_000 + 9_998_000_000L, s.intendedNanos(4999));
    }

    @Test
    void intendedTimesDoNotDriftForRatesWithoutAnExactInterval() {
        OpenLoopSchedule s = OpenLoopSchedule.of(3, 100, 0, T0); // 333,333,333.3 ns apart
        assertEquals(100_000_000_000L, s.offsetNanos(300));
    }

    @Test
    void wallClockTimeFollowsTheSameOffsets() {
        OpenLoopSchedule s = OpenLoopSchedule.of(200, 1, 0, T0);
        assertEquals(T0.plusMillis(5 * 7), s.intendedWall(7));
    }

    @Test
    void refusesANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> OpenLoopSchedule.of(0, 10, 0, T0));
    }
}
