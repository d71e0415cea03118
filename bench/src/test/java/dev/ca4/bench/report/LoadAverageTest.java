package dev.ca4.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoadAverageTest {

    @Test
    void readsTheThreeAveragesOfProcLoadavg() {
        assertEquals(new LoadAverage(3.81, 4.17, 4.1), LoadAverage.parse("3.81 4.17 4.10 5/612 16713\n"));
    }
}
