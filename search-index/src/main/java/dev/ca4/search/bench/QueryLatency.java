package dev.ca4.search.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ca4.search.index.Hit;
import dev.ca4.search.index.QueryGate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Query latency from concurrent clients, the same way for every index the benches compare: a warm-up, then runs of
 * {@code queries} queries shared by {@code clients} threads, each run with or without a {@link QueryGate} (the wait
 * for the gate counts, as it does for the service's clients). Each run takes new query vectors.
 */
final class QueryLatency {
    private final Function<float[], List<Hit>> search;
    private final LongFunction<float[]> data;
    private final int k;
    private final int clients;
    private final int queries;
    private long nextQuery;

    /**
     * @param data       query number i to vector (never an indexed vector)
     * @param firstQuery number of the first query taken
     */
    QueryLatency(Function<float[], List<Hit>> search, LongFunction<float[]> data, long firstQuery, int k, int clients,
                 int queries) {
        this.search = search;
        this.data = data;
        this.nextQuery = firstQuery;
        this.k = k;
        this.clients = clients;
        this.queries = queries;
    }

    /** One run per gate (-1 = none, 0 = one per core, n = n at once), printed and added to {@code out}. */
    Histogram runs(List<Integer> gates, ArrayNode out) throws Exception {
        for (int i = 0; i < 500; i++) { // warm-up: the JIT and the page cache, not counted
            search.apply(data.apply(nextQuery++));
        }
        Histogram last = null;
        for (int gate : gates) {
            last = run(gate);
            String gateName = gate < 0 ? "none" : String.valueOf(new QueryGate(gate).permits());
            System.out.printf("%d clients, gate %s, %d queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", clients,
                    gateName, queries, last.getValueAtPercentile(50) / 1e3, last.getValueAtPercentile(99) / 1e3,
                    last.getMaxValue() / 1e3);
            out.addObject().put("query_gate", gateName)
                    .put("query_p50_ms", last.getValueAtPercentile(50) / 1e3)
                    .put("query_p99_ms", last.getValueAtPercentile(99) / 1e3)
                    .put("query_max_ms", last.getMaxValue() / 1e3);
        }
        return last;
    }

    private Histogram run(int gatePermits) throws Exception {
        ConcurrentHistogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(10), 3);
        AtomicLong next = new AtomicLong();
        QueryGate gate = new QueryGate(Math.max(gatePermits, 0));
        long offset = nextQuery;
        nextQuery += queries;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (long q; (q = next.getAndIncrement()) < queries; ) {
                        float[] query = data.apply(offset + q);
                        long t = System.nanoTime();
                        List<Hit> hits = gatePermits < 0 ? search.apply(query) : gate.run(() -> search.apply(query));
                        histogram.recordValue((System.nanoTime() - t) / 1000);
                        if (hits.size() != k) {
                            throw new IllegalStateException("a query found " + hits.size() + " neighbours, not " + k);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return histogram;
    }
}
