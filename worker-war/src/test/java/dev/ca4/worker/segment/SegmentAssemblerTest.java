package dev.ca4.worker.segment;

import dev.ca4.worker.decode.TestRecords;
import dev.ca4.worker.record.PolledRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentAssemblerTest {
    private static final long T0 = 1_764_936_000_000L;
    private final List<Segment> sealed = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong wallClock = new AtomicLong(T0);
    private final SegmentAssembler assembler = new SegmentAssembler(
            new SegmentPolicy(new SegmentLimits(3, 1_000_000, 200, 200, 2000)), sealed::add, clock::get, wallClock::get);

    private static List<Long> offsets(Segment s) {
        return s.records().stream().map(r -> r.origin().offset()).toList();
    }

    @Test
    void eachPartitionFillsItsOwnSegmentInOffsetOrder() {
        for (long o = 0; o < 4; o++) {
            assembler.add(TestRecords.polledEvent(0, o, T0, 8));
            assembler.add(TestRecords.polledEvent(1, 100 + o, T0, 8));
        }
        assertEquals(2, sealed.size());
        assertEquals(List.of(0L, 1L, 2L), offsets(sealed.get(0)));
        assertEquals(List.of(100L, 101L, 102L), offsets(sealed.get(1)));
        assertEquals(2, assembler.held(), "offsets 3 and 103 wait in open segments");
    }

    @Test
    void undecodableRecordsTravelWithTheirSegment() {
        assembler.add(TestRecords.polledEvent(0, 0, T0, 8));
        assembler.add(TestRecords.polledNotJson(0, 1, T0));
        assembler.add(TestRecords.polledEvent(0, 2, T0, 8));
        assertEquals(List.of(0L, 1L, 2L), offsets(sealed.get(0)));
    }

    @Test
    void quietPartitionIsSealedOnceItsSegmentWaitedMaxOpen() {
        clock.set(0);
        assembler.add(TestRecords.polledEvent(0, 0, T0, 8));
        clock.set(199_000_000L);
        assembler.sealExpired();
        assertTrue(sealed.isEmpty());
        clock.set(200_000_000L);
        assembler.sealExpired();
        assertEquals(List.of(0L), offsets(sealed.get(0)));
        assertEquals(0, assembler.held());
    }

    @Test
    void aSealedSegmentSaysWhenItOpenedAndWhenItWasSealed() {
        clock.set(1_000_000L);
        assembler.add(TestRecords.polledEvent(0, 0, T0, 8));
        clock.set(50_000_000L);
        assembler.add(TestRecords.polledEvent(0, 1, T0, 8));
        clock.set(230_000_000L);
        assembler.sealExpired();
        Segment s = sealed.get(0);
        assertEquals(1_000_000L, s.openedAtNanos(), "the first record's arrival, not the second's");
        assertEquals(230_000_000L, s.sealedAtNanos());
    }

    @Test
    void sameRecordsFromTheSameOffsetMakeTheSameSegments() {
        List<PolledRecord> records = new ArrayList<>();
        for (long o = 0; o < 10; o++) {
            records.add(TestRecords.polledEvent(0, o, T0 + o * 110, 8)); // record time: 2 records a 200 ms
        }
        records.forEach(assembler::add);
        List<List<Long>> first = sealed.stream().map(SegmentAssemblerTest::offsets).toList();
        sealed.clear();
        SegmentAssembler again = new SegmentAssembler(new SegmentPolicy(new SegmentLimits(3, 1_000_000, 200, 200, 2000)),
                sealed::add, () -> 5_000_000_000L, () -> T0 + 99_000); // other clocks: the records alone decide
        records.forEach(again::add);
        assertEquals(first, sealed.stream().map(SegmentAssemblerTest::offsets).toList());
        assertEquals(List.of(List.of(0L, 1L), List.of(2L, 3L), List.of(4L, 5L), List.of(6L, 7L)), first);
    }

    @Test
    void aBacklogsSegmentWaitsLongerToFillThanAFreshOne() {
        wallClock.set(T0 + 60_000); // the records are a minute old
        clock.set(0);
        assembler.add(TestRecords.polledEvent(0, 0, T0, 8));
        clock.set(1_999_000_000L);
        assembler.sealExpired();
        assertTrue(sealed.isEmpty(), "old records: sealed at 2 s, not 200 ms");
        clock.set(2_000_000_000L);
        assembler.sealExpired();
        assertEquals(1, sealed.size());
    }
}
