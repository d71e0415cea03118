package dev.ca4.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Polls the worker's read API until every accepted event_id is stored, collecting end-to-end latencies. */
final class StorageCheck {
    record Result(int stored, long p50, long p99, long max) {
    }

    private final PipelineClient client;
    private final int timeoutSeconds;

    StorageCheck(PipelineClient client, int timeoutSeconds) {
        this.client = client;
        this.timeoutSeconds = timeoutSeconds;
    }

    Result await(List<String> eventIds) throws IOException, InterruptedException {
        Set<String> missing = new HashSet<>(eventIds);
        List<Long> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            for (String id : new ArrayList<>(missing)) {
                JsonNode doc = client.get("/documents/" + id);
                if (client.lastStatus() == 200) {
                    missing.remove(id);
                    latencies.add(doc.path("latency_ms").path("end_to_end").asLong());
                }
            }
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        Collections.sort(latencies);
        return new Result(latencies.size(), pct(latencies, 0.50), pct(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
