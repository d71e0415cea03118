package dev.ca4.bench.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusScrapeTest {
    private static final String BODY = """
            # TYPE gc_time_seconds gauge
            gc_time_seconds{mp_scope="base",name="PS MarkSweep",} 1.5
            gc_time_seconds{mp_scope="base",name="PS Scavenge",} 2.25
            gc_time_seconds_total{mp_scope="base",name="PS Scavenge",} 99
            cpu_processCpuTime_seconds{mp_scope="base",} 41.0
            """;

    @Test
    void sumsEverySeriesOfTheNameAndNoOtherName() {
        assertEquals(3.75, PrometheusScrape.valueOf(BODY, "gc_time_seconds", false), 1e-9);
    }

    @Test
    void takesTheFirstSeriesWhenAskedForOne() {
        assertEquals(1.5, PrometheusScrape.valueOf(BODY, "gc_time_seconds", true), 1e-9);
        assertEquals(41.0, PrometheusScrape.valueOf(BODY, "cpu_processCpuTime_seconds", false), 1e-9);
    }

    @Test
    void answersNaNForAMissingSeriesOrABrokenValue() {
        assertTrue(Double.isNaN(PrometheusScrape.valueOf(BODY, "cpu_processCpuTime", false)));
        assertTrue(Double.isNaN(PrometheusScrape.valueOf("x{a=\"b\"} zero\n", "x", false)));
    }
}
