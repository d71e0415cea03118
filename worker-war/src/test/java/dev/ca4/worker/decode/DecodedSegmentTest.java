package dev.ca4.worker.decode;

import dev.ca4.worker.record.ConsumedRecord;
import dev.ca4.worker.record.PolledRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodedSegmentTest {
    private static final long T0 = 1_764_936_000_000L;

    private static List<List<Long>> runOffsets(DecodedSegment d) {
        return d.runs().stream().map(run -> run.stream().map(r -> r.origin().offset()).toList()).toList();
    }

    @Test
    void rowsOfOneDimensionAreOneRunAndDeadLettersAreNoRows() {
        DecodedSegment d = DecodedSegment.decode(TestRecords.DECODER, List.of(TestRecords.polledEvent(0, 0, T0, 8),
                TestRecords.polledNotJson(0, 1, T0), TestRecords.polledEvent(0, 2, T0, 8)));
        assertEquals(List.of(List.of(0L, 2L)), runOffsets(d));
        assertEquals(List.of(1L), d.deadLetters().stream().map(r -> r.origin().offset()).toList());
        assertTrue(d.deadLetters().get(0).isDeadLetter());
    }

    @Test
    void anotherDimensionStartsAnotherRunInOffsetOrder() {
        List<PolledRecord> records = List.of(TestRecords.polledEvent(0, 10, T0, 8),
                TestRecords.polledEvent(0, 11, T0, 8), TestRecords.polledEvent(0, 12, T0, 16),
                TestRecords.polledNotJson(0, 13, T0), TestRecords.polledEvent(0, 14, T0, 16),
                TestRecords.polledEvent(0, 15, T0, 8));
        DecodedSegment d = DecodedSegment.decode(TestRecords.DECODER, records);
        assertEquals(List.of(List.of(10L, 11L), List.of(12L, 14L), List.of(15L)), runOffsets(d));
        assertEquals(List.of(8, 16, 8), d.runs().stream().map(run -> run.get(0).dim()).toList());
        assertEquals(List.of(10L, 11L, 12L, 14L, 15L), d.runs().stream().flatMap(List::stream).map(r -> r.origin().offset()).toList());
        assertEquals(runOffsets(d), runOffsets(DecodedSegment.decode(TestRecords.DECODER, records)),
                "the same records make the same runs");
    }

    @Test
    void aSegmentOfDeadLettersOnlyHasNoRuns() {
        DecodedSegment d = DecodedSegment.decode(TestRecords.DECODER, List.of(TestRecords.polledNotJson(0, 0, T0)));
        assertTrue(d.runs().isEmpty());
        assertEquals(1, d.deadLetters().size());
        ConsumedRecord r = d.deadLetters().get(0);
        assertEquals(0L, r.origin().offset());
    }
}
