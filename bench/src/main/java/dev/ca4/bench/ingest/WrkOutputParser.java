package dev.ca4.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;

/** Finds the {@code CA4_WRK {...}} line that post-event.lua's done() prints among wrk's own output. */
public final class WrkOutputParser {
    static final String PREFIX = "CA4_WRK ";

    private WrkOutputParser() {
    }

    /** @throws IllegalArgumentException when the output has no such line (wrk failed before done()) */
    public static WrkResult parse(String output) {
        String line = output.lines().filter(l -> l.startsWith(PREFIX)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("no " + PREFIX.trim() + " line in wrk output:\n"
                        + output));
        JsonNode j = EventJson.parse(line.substring(PREFIX.length()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new WrkResult(j.path("requests").asLong(), j.path("duration_us").asLong(), j.path("bytes").asLong(),
                j.path("non_202").asLong(), j.path("first_non_202_status").asInt(), j.path("connect_errors").asLong(),
                j.path("read_errors").asLong(), j.path("write_errors").asLong(), j.path("timeouts").asLong(),
                j.path("p50_us").asLong(), j.path("p90_us").asLong(), j.path("p99_us").asLong(),
                j.path("max_us").asLong(), j.path("mean_us").asLong());
    }
}
