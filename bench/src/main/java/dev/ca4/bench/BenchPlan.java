package dev.ca4.bench;

import java.util.List;

/**
 * How much of everything to measure. {@link #standard()} takes about 20 minutes on 2 cores;
 * {@link #quick()} a few minutes, for checking that the bench works rather than for figures to quote.
 *
 * @param runs                measured runs of each case (the median and min–max are over these)
 * @param warmupSeconds       an unmeasured run before each ingest / end-to-end case (JIT, connections, pools)
 * @param ingestSeconds       length of one measured wrk run
 * @param concurrencies       wrk connections for POST /metadata
 * @param batchConcurrency    wrk connections for POST /metadata/batch
 * @param batchEvents         events in one batch request
 * @param drainSeconds        the drain test's N is sized so that a drain at the sizing run's rate lasts this
 *                            long: 60 s, since a restarted worker's JIT compilers take a core for most of its first
 *                            minute and drains sized for 20 s measured mostly that (bench/README.md, "The sink,
 *                            fifth round")
 * @param drainWarmupEvents   events of that sizing run
 * @param drainWarmFraction   the first part of each drain is the worker's warm-up: the clock starts once this
 *                            fraction of N is stored (each run starts a fresh worker JVM)
 * @param e2eRates            offered rates of the open-loop test, events/s
 * @param e2eSeconds          length of one open-loop run
 * @param e2eWarmupSeconds    an unmeasured open-loop run at each rate first: the JVMs of a fresh pipeline compile
 *                            their hot paths for a minute or more on 2 cores, and the first runs after 3 s of
 *                            warm-up had p99s 5-10x the third's (bench/README.md, "End to end, fourth round")
 * @param e2ePipelineWarmupSeconds a sustained run at the highest rate before the first one, on a worker JVM the bench
 *                            has just (re)started: a fresh pipeline's JIT compilers took 47% of the 2 cores in the
 *                            third minute of load and 5% in the fifth, and 500/s readable p99 fell from 1,375 to
 *                            399-449 ms on the same pipeline (bench/README.md, "End to end, sixth round"); it is
 *                            reported as a case of its own ("500/s first 180 s"), so the cold figure stays visible
 * @param e2eConnections      most requests of the open-loop test in flight at once (a client's connection pool);
 *                            an event whose intended time comes while all are busy waits in the client, and that
 *                            wait counts in its latency
 * @param e2eSettleSeconds    how long after the last send the events may take to be stored before the rest
 *                            are reported as backlog
 * @param producerBatches     batch sizes of the producer's fast engine and of PyTorch (part 5)
 * @param producerImagesPerRun images of one measured producer run (whole batches, at least one)
 */
public record BenchPlan(int runs, int warmupSeconds, int ingestSeconds, List<Integer> concurrencies,
                        int batchConcurrency, int batchEvents, int drainSeconds, int drainWarmupEvents,
                        double drainWarmFraction, List<Integer> e2eRates, int e2eSeconds, int e2eWarmupSeconds,
                        int e2ePipelineWarmupSeconds, int e2eConnections,
                        int e2eSettleSeconds, List<Integer> producerBatches, int producerImagesPerRun) {

    public static BenchPlan standard() {
        return new BenchPlan(3, 3, 5, List.of(1, 8, 32, 64), 8, 100, 60, 10000, 0.1,
                List.of(200, 500), 10, 30, 180, 32, 30, List.of(1, 8, 32), 32);
    }

    public static BenchPlan quick() {
        return new BenchPlan(2, 2, 3, List.of(8, 32), 4, 100, 6, 1000, 0.1, List.of(200), 5, 5, 10, 32, 20, List.of(8), 8);
    }

    public BenchPlan withDrainSeconds(int seconds) {
        return new BenchPlan(runs, warmupSeconds, ingestSeconds, concurrencies, batchConcurrency, batchEvents,
                seconds, drainWarmupEvents, drainWarmFraction, e2eRates, e2eSeconds, e2eWarmupSeconds,
                e2ePipelineWarmupSeconds, e2eConnections, e2eSettleSeconds, producerBatches, producerImagesPerRun);
    }

    public BenchPlan withRuns(int n) {
        return new BenchPlan(n, warmupSeconds, ingestSeconds, concurrencies, batchConcurrency, batchEvents,
                drainSeconds, drainWarmupEvents, drainWarmFraction, e2eRates, e2eSeconds, e2eWarmupSeconds,
                e2ePipelineWarmupSeconds, e2eConnections, e2eSettleSeconds, producerBatches, producerImagesPerRun);
    }
}
