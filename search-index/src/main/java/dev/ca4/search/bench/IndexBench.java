package dev.ca4.search.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.search.index.AnnIndex;
import dev.ca4.search.index.ExactSearch;
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
import java.util.concurrent.Callable;

/**
 * make bench-search: the ANN index on deterministic clustered vectors (docs/similarity-search.md). Builds the index
 * over N vectors, then measures recall@k against exact search on held-out queries, the latency of queries from
 * concurrent clients, and the heap per vector. Writes bench/results/search-*.json.
 */
@Command(name = "index-bench", mixinStandardHelpOptions = true,
        description = "Build the similarity index over synthetic embeddings; measure recall@k, query latency and RAM per vector.")
public final class IndexBench implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;
    @Mixin
    BenchFiles files;
    @Option(names = "--max-degree", defaultValue = "32") int maxDegree;
    @Option(names = "--beam-width", defaultValue = "100") int beamWidth;
    @Option(names = "--pq-subspaces", defaultValue = "256") int pqSubspaces;
    @Option(names = "--rerank", defaultValue = "64") int rerank;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(files.workDir);
        Path file = files.workDir.resolve("vectors-" + corpus.count + "x" + corpus.dimension + ".f32");
        Files.deleteIfExists(file);
        SyntheticVectors data = new SyntheticVectors(corpus.dimension, corpus.clusters, 42);
        ObjectNode out = new ObjectMapper().createObjectNode();
        try (VectorFile vectors = new VectorFile(file, corpus.dimension)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < corpus.count; i++) {
                vectors.append(data.vector(i));
            }
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("wrote %,d vectors of %d dims in %.1f s%n", corpus.count, corpus.dimension, writeSeconds);

            long heapBefore = usedHeapAfterGc();
            t0 = System.nanoTime();
            AnnIndex.Settings settings = new AnnIndex.Settings(maxDegree, beamWidth, pqSubspaces, rerank);
            try (AnnIndex index = AnnIndex.build(vectors, settings)) {
                double buildSeconds = (System.nanoTime() - t0) / 1e9;
                long heapAfter = usedHeapAfterGc();
                System.out.printf("built in %.1f s: %d B/vector by jvector's accounting, %d B/vector of heap after GC%n",
                        buildSeconds, index.ramBytesUsed() / corpus.count, (heapAfter - heapBefore) / corpus.count);

                // recall@k on queries that are not in the index (vectors count.. of the same distribution)
                double recallSum = 0;
                for (int q = 0; q < corpus.queries; q++) {
                    float[] query = data.vector(corpus.count + q);
                    recallSum += ExactSearch.recall(ExactSearch.search(vectors, query, corpus.k), index.search(query, corpus.k));
                }
                double recall = recallSum / corpus.queries;
                System.out.printf("recall@%d over %d queries: %.4f%n", corpus.k, corpus.queries, recall);

                ArrayNode runs = new ObjectMapper().createArrayNode();
                Histogram latency = new QueryLatency(query -> index.search(query, corpus.k), data, 2L * corpus.count, corpus.k, corpus.clients,
                        corpus.latencyQueries).runs(corpus.queryGates, runs);

                out.put("vectors", corpus.count).put("dim", corpus.dimension).put("clusters", corpus.clusters).put("k", corpus.k)
                        .put("max_degree", maxDegree).put("beam_width", beamWidth).put("pq_subspaces", pqSubspaces)
                        .put("rerank", rerank).put("write_seconds", writeSeconds).put("build_seconds", buildSeconds)
                        .put("ram_bytes_per_vector_jvector", index.ramBytesUsed() / corpus.count)
                        .put("heap_bytes_per_vector_after_gc", (heapAfter - heapBefore) / corpus.count)
                        .put("disk_bytes_per_vector", 4L * corpus.dimension)
                        .put("recall_at_k", recall).put("recall_queries", corpus.queries)
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
        files.writeResults("search", out);
        return 0;
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
