package dev.ca4.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Polls the worker's read API until every accepted event_id is stored, collecting end-to-end latencies. Behind a
 * backlog it waits as long as {@link BacklogWait} says the measured drain needs, from the worker's GET /stats.
 */
final class StorageCheck {
    /**
     * @param verdict   WAIT when all were stored, else why the wait ended
     * @param lag       the group's lag at the end (-1: unknown)
     * @param drainRate documents/s the worker stored during the wait
     */
    record Result(int stored, long p50, long p99, long max, BacklogWait.Verdict verdict, long lag, double drainRate) {
        double secondsToDrain() {
            return BacklogWait.secondsToDrain(lag, drainRate);
        }
    }

    private final PipelineClient client;
    private final BacklogWait policy;

    StorageCheck(PipelineClient client, int timeoutSeconds, int maxWaitSeconds) {
        this.client = client;
        this.policy = new BacklogWait(timeoutSeconds, Math.max(timeoutSeconds, maxWaitSeconds));
    }

    Result await(List<String> eventIds) throws IOException, InterruptedException {
        Set<String> missing = new HashSet<>(eventIds);
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        long countAtStart = storedCount();
        long lag = -1;
        double rate = 0;
        BacklogWait.Verdict verdict = BacklogWait.Verdict.WAIT;
        long nextStats = 0;
        while (!missing.isEmpty() && verdict == BacklogWait.Verdict.WAIT) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= nextStats) {
                JsonNode stats = client.get("/stats");
                lag = stats.path("lag").asLong(-1);
                rate = elapsed <= 0 ? 0 : Math.max(0, stats.path("count").asLong(countAtStart) - countAtStart) / elapsed;
                verdict = policy.decide(elapsed, lag, rate);
                nextStats = (long) elapsed + 2;
            }
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
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1),
                missing.isEmpty() ? BacklogWait.Verdict.WAIT : verdict, lag, rate);
    }

    private long storedCount() throws IOException, InterruptedException {
        return client.get("/stats").path("count").asLong(0);
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
