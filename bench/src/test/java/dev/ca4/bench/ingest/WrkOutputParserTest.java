package dev.ca4.bench.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WrkOutputParserTest {

    private static final String OUTPUT = """
            Running 5s test @ http://localhost:9080/metadata
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     9.81ms    4.02ms  61.23ms   80.11%
                Req/Sec   410.12     50.3     500.00     70.00%
              4100 requests in 5.00s, 1.10MB read
              Non-2xx or 3xx responses: 3
            Requests/sec:    819.80
            Transfer/sec:    224.98KB
            CA4_WRK {"requests":4100,"duration_us":5000000,"bytes":1153000,"non_202":3,"first_non_202_status":503,\
            "connect_errors":1,"read_errors":0,"write_errors":0,"timeouts":2,"p50_us":9100,"p90_us":14000,\
            "p99_us":30500,"max_us":61230,"mean_us":9810}
            """;

    @Test
    void readsTheLineThatTheScriptsDonePrints() {
        WrkResult r = WrkOutputParser.parse(OUTPUT);
        assertEquals(4100, r.requests());
        assertEquals(3, r.non202());
        assertEquals(503, r.firstNon202Status());
        assertEquals(9100, r.p50Us());
        assertEquals(30500, r.p99Us());
        assertEquals(61230, r.maxUs());
    }

    @Test
    void ratesAndErrorsCountEveryRequestNotAnswered202() {
        WrkResult r = WrkOutputParser.parse(OUTPUT);
        assertEquals(820.0, r.requestsPerSecond(), 1e-9);
        assertEquals(819.4, r.acceptedPerSecond(), 1e-9);
        assertEquals(6, r.errors()); // 3 non-202 + 1 connect error + 2 timeouts
    }

    @Test
    void failsWhenWrkPrintedNoResultLine() {
        assertThrows(IllegalArgumentException.class, () -> WrkOutputParser.parse("unable to connect to localhost:9080"));
    }
}
