package dev.ca4.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpreadTest {

    @Test
    void medianOfOddCountIsTheMiddleSample() {
        Spread s = Spread.of(List.of(9.0, 1.0, 5.0));
        assertEquals(5.0, s.median());
        assertEquals(1.0, s.min());
        assertEquals(9.0, s.max());
        assertEquals(3, s.runs());
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheTwoMiddleSamples() {
        assertEquals(3.5, Spread.of(List.of(4.0, 1.0, 3.0, 10.0)).median());
    }

    @Test
    void singleSampleIsItsOwnSpread() {
        Spread s = Spread.of(List.of(7.0));
        assertEquals(7.0, s.median());
        assertEquals(7.0, s.min());
        assertEquals(7.0, s.max());
    }

    @Test
    void refusesNoSamples() {
        assertThrows(IllegalArgumentException.class, () -> Spread.of(List.of()));
    }
}
