package dev.ca4.worker.segment;

import dev.ca4.worker.decode.TestRecords;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentPolicyTest {
    private static final long T0 = 1_764_936_000_000L; // 2025-12-05T12:00:00Z
    private final SegmentPolicy policy = new SegmentPolicy(new SegmentLimits(3, 1_000_000, 200, 300, 2000));

    private static OpenSegment openWith(long timestamp, int dim) {
        OpenSegment s = new OpenSegment(TestRecords.TOPIC, 0);
        s.add(TestRecords.polledEvent(0, 10, timestamp, dim), 0);
        return s;
    }

    @Test
    void firstRecordNeverStartsNew() {
        assertFalse(policy.startsNew(new OpenSegment(TestRecords.TOPIC, 0), TestRecords.polledEvent(0, 1, T0, 8)));
    }

    @Test
    void recordWithinTheRecordTimeSpanJoins() {
        assertFalse(policy.startsNew(openWith(T0, 8), TestRecords.polledEvent(0, 11, T0 + 199, 8)));
    }

    @Test
    void recordStampedMaxSpanLaterStartsNew() {
        assertTrue(policy.startsNew(openWith(T0, 8), TestRecords.polledEvent(0, 11, T0 + 200, 8)));
    }

    @Test
    void recordOfAnotherUtcDayStartsNew() {
        long lastMsOfDay = T0 - T0 % 86_400_000L + 86_399_950L;
        assertTrue(policy.startsNew(openWith(lastMsOfDay, 8), TestRecords.polledEvent(0, 11, lastMsOfDay + 100, 8)));
    }

    @Test
    void undecodedRecordsJoinWhateverTheyHold() {
        // another dimension, or not an event at all: decoding splits such a segment later (DecodedSegmentTest)
        assertFalse(policy.startsNew(openWith(T0, 8), TestRecords.polledEvent(0, 11, T0, 16)));
        assertFalse(policy.startsNew(openWith(T0, 8), TestRecords.polledNotJson(0, 11, T0)));
    }

    @Test
    void recordPassingTheByteLimitStartsNew() {
        OpenSegment s = openWith(T0, 8);
        SegmentPolicy small = new SegmentPolicy(new SegmentLimits(100, s.bytes() + 10, 200, 200, 2000));
        assertTrue(small.startsNew(s, TestRecords.polledEvent(0, 11, T0, 8)), "a second record passes the limit");
        assertFalse(new SegmentPolicy(new SegmentLimits(100, 2 * s.bytes() + 10, 200, 200, 2000))
                .startsNew(s, TestRecords.polledEvent(0, 11, T0, 8)), "room for two");
    }

    @Test
    void fullAtMaxRecords() {
        OpenSegment s = openWith(T0, 8);
        s.add(TestRecords.polledEvent(0, 11, T0, 8), 0);
        assertFalse(policy.full(s));
        s.add(TestRecords.polledEvent(0, 12, T0, 8), 0);
        assertTrue(policy.full(s));
    }

    @Test
    void expiresMaxOpenAfterItOpenedInWallClockTimeNotMaxSpan() {
        OpenSegment s = new OpenSegment(TestRecords.TOPIC, 0);
        assertFalse(policy.expired(s, Long.MAX_VALUE, T0), "an empty segment never expires");
        s.add(TestRecords.polledEvent(0, 1, T0, 8), 1_000_000_000L);
        assertFalse(policy.expired(s, 1_299_999_999L, T0 + 300));
        assertTrue(policy.expired(s, 1_300_000_000L, T0 + 300));
    }

    @Test
    void segmentOfOldRecordsExpiresOnlyAfterTheBacklogBound() {
        OpenSegment s = new OpenSegment(TestRecords.TOPIC, 0);
        s.add(TestRecords.polledEvent(0, 1, T0, 8), 0);
        long now = T0 + 2_000; // the newest record is 2 s old: a backlog
        assertFalse(policy.expired(s, 300_000_000L, now));
        assertFalse(policy.expired(s, 1_999_999_999L, now));
        assertTrue(policy.expired(s, 2_000_000_000L, now));
    }
}
