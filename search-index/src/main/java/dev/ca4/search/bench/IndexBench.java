package dev.ca4.search.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.search.index.AnnIndex;
import dev.ca4.search.index.Cosine;
import dev.ca4.search.index.ExactSearch;
import dev.ca4.search.index.Hit;
import dev.ca4.search.index.SyntheticVectors;
import dev.ca4.search.index.VectorFile;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * make bench-search: the ANN index on deterministic clustered vectors (docs/similarity-search.md). Builds the index
 * over N vectors, then measures recall@k against exact search on held-out queries, the latency of queries from
 * concurrent clients, and the heap per vector. Writes bench/results/search-*.json. With {@code --events} (make
 * bench-search-real) the vectors are the embeddings of a file of events instead, and the results go to
 * search-real-*.json.
 */
@Command(name = "index-bench", mixinStandardHelpOptions = true,
        description = "Build the similarity index over synthetic embeddings (or the events of --events); measure recall@k, query latency and RAM per vector.")
public final class IndexBench implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;
    @Mixin
    BenchFiles files;
    // the index's defaults (AnnIndex.Settings.defaults()), so the bench measures what the service runs
    private static final AnnIndex.Settings DEFAULTS = AnnIndex.Settings.defaults();
    @Option(names = "--max-degree", description = "Neighbours per node (default: ${DEFAULT-VALUE}).")
    int maxDegree = DEFAULTS.maxDegree();
    @Option(names = "--beam-width", description = "Beam width while inserting (default: ${DEFAULT-VALUE}).")
    int beamWidth = DEFAULTS.beamWidth();
    @Option(names = "--pq-subspaces", description = "PQ subspaces; must divide the dimension (default: ${DEFAULT-VALUE}).")
    int pqSubspaces = DEFAULTS.pqSubspaces();
    @Option(names = "--rerank", description = "Candidates reranked with the full vectors (default: ${DEFAULT-VALUE}).")
    int rerank = DEFAULTS.rerank();
    @Option(names = "--refine-width", description = "Best answers the exact refinement keeps and expands "
            + "(default: ${DEFAULT-VALUE}).")
    int refineWidth = DEFAULTS.refineWidth();
    @Option(names = "--refine-expansions", description = "Neighbour lists the exact refinement reads per query; 0 "
            + "turns it off (default: ${DEFAULT-VALUE}).")
    int refineExpansions = DEFAULTS.refineExpansions();
    @Option(names = "--events", paramLabel = "FILE", description = "Index the embeddings of these events (one JSON "
            + "event per line: the producer's --dry-run --output) instead of synthetic vectors; --queries of them, "
            + "drawn by a seeded shuffle, are held out as the queries. --vectors, --dim and --clusters are then unused.")
    Path events;

    /** The vectors indexed, the held-out queries, and an endless supply of latency queries. */
    private record Corpus(int count, int dimension, IntFunction<float[]> indexed, IntFunction<float[]> query,
                          LongFunction<float[]> latencyQuery) {
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(files.workDir);
        ObjectNode out = new ObjectMapper().createObjectNode();
        Corpus data;
        if (events == null) {
            SyntheticVectors synthetic = new SyntheticVectors(corpus.dimension, corpus.clusters, 42);
            data = new Corpus(corpus.count, corpus.dimension, synthetic::vector, q -> synthetic.vector(corpus.count + q),
                    i -> synthetic.vector(2L * corpus.count + i));
            out.put("corpus", "synthetic").put("clusters", corpus.clusters);
        } else {
            EventsCorpus real = EventsCorpus.read(events, corpus.queries, 42);
            List<float[]> queries = real.queries();
            // only the held-out vectors are queries, so the latency runs take them again and again
            data = new Corpus(real.indexed().size(), real.dimension(), real.indexed()::get, queries::get,
                    i -> queries.get((int) (i % queries.size())));
            out.put("corpus", "events").put("events_file", events.toString()).put("model", real.model());
            System.out.printf("%s: %,d events of %s, %d held out as queries%n", events,
                    real.indexed().size() + queries.size(), real.model(), queries.size());
        }
        Path file = files.workDir.resolve("vectors-" + data.count() + "x" + data.dimension() + ".f32");
        Files.deleteIfExists(file);
        try (VectorFile vectors = new VectorFile(file, data.dimension())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < data.count(); i++) {
                vectors.append(data.indexed().apply(i));
            }
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("wrote %,d vectors of %d dims in %.1f s%n", data.count(), data.dimension(), writeSeconds);

            long heapBefore = usedHeapAfterGc();
            t0 = System.nanoTime();
            AnnIndex.Settings settings = new AnnIndex.Settings(maxDegree, beamWidth, pqSubspaces, rerank, refineWidth, refineExpansions);
            try (AnnIndex index = AnnIndex.build(vectors, settings)) {
                double buildSeconds = (System.nanoTime() - t0) / 1e9;
                long heapAfter = usedHeapAfterGc();
                System.out.printf("built in %.1f s: %d B/vector by jvector's accounting, %d B/vector of heap after GC%n",
                        buildSeconds, index.ramBytesUsed() / data.count(), (heapAfter - heapBefore) / data.count());

                // recall@k on queries that are not in the index; the exact answers' cosines say how far apart
                // neighbours are in this corpus (how fine the ranking the index must get right is)
                double recallSum = 0;
                double firstCosineSum = 0;
                double kthCosineSum = 0;
                for (int q = 0; q < corpus.queries; q++) {
                    float[] query = data.query().apply(q);
                    List<Hit> exact = ExactSearch.search(vectors, query, corpus.k);
                    recallSum += ExactSearch.recall(exact, index.search(query, corpus.k));
                    firstCosineSum += exact.get(0).cosine();
                    kthCosineSum += exact.get(exact.size() - 1).cosine();
                }
                double recall = recallSum / corpus.queries;
                System.out.printf("recall@%d over %d queries: %.4f%n", corpus.k, corpus.queries, recall);
                double pairCosine = meanPairCosine(data, 1_000);
                System.out.printf("cosine: query to its nearest %.4f, to its %dth %.4f, two vectors at random %.4f%n",
                        firstCosineSum / corpus.queries, corpus.k, kthCosineSum / corpus.queries, pairCosine);

                ArrayNode runs = new ObjectMapper().createArrayNode();
                Histogram latency = new QueryLatency(query -> index.search(query, corpus.k), data.latencyQuery(), 0,
                        corpus.k, corpus.clients, corpus.latencyQueries).runs(corpus.queryGates, runs);

                out.put("vectors", data.count()).put("dim", data.dimension()).put("k", corpus.k)
                        .put("max_degree", maxDegree).put("beam_width", beamWidth).put("pq_subspaces", pqSubspaces)
                        .put("rerank", rerank).put("refine_width", refineWidth).put("refine_expansions", refineExpansions)
                        .put("write_seconds", writeSeconds).put("build_seconds", buildSeconds)
                        .put("ram_bytes_per_vector_jvector", index.ramBytesUsed() / data.count())
                        .put("heap_bytes_per_vector_after_gc", (heapAfter - heapBefore) / data.count())
                        .put("disk_bytes_per_vector", 4L * data.dimension())
                        .put("recall_at_k", recall).put("recall_queries", corpus.queries)
                        .put("cosine_nearest_mean", firstCosineSum / corpus.queries)
                        .put("cosine_kth_mean", kthCosineSum / corpus.queries)
                        .put("cosine_random_pair_mean", pairCosine)
                        .put("clients", corpus.clients).put("latency_queries", corpus.latencyQueries)
                        .put("query_p50_ms", latency.getValueAtPercentile(50) / 1e3)
                        .put("query_p99_ms", latency.getValueAtPercentile(99) / 1e3)
                        .put("query_max_ms", latency.getMaxValue() / 1e3)
                        .put("query_gate", runs.get(runs.size() - 1).get("query_gate").asText())
                        .put("cores", Runtime.getRuntime().availableProcessors())
                        .put("java", System.getProperty("java.version"));
                out.set("latency_runs", runs);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        files.writeResults(events == null ? "search" : "search-real", out);
        return 0;
    }

    /** Mean cosine of {@code pairs} seeded random pairs of indexed vectors. */
    private static double meanPairCosine(Corpus data, int pairs) {
        SplittableRandom random = new SplittableRandom(7);
        double sum = 0;
        for (int p = 0; p < pairs; p++) {
            int a = random.nextInt(data.count());
            int b = (a + 1 + random.nextInt(data.count() - 1)) % data.count();
            sum += Cosine.dot(Cosine.normalized(data.indexed().apply(a)), Cosine.normalized(data.indexed().apply(b)));
        }
        return sum / pairs;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IndexBench()).execute(args));
    }
}
