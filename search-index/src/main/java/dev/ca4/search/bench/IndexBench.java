package dev.ca4.search.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.search.index.AnnIndex;
import dev.ca4.search.index.ExactSearch;
import dev.ca4.search.index.SyntheticVectors;
import dev.ca4.search.index.VectorFile;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
    @Option(names = "--vectors", defaultValue = "100000", description = "Vectors indexed (default: ${DEFAULT-VALUE}).")
    int count;
    @Option(names = "--dim", defaultValue = "2048", description = "Dimensions (default: ${DEFAULT-VALUE}).")
    int dimension;
    @Option(names = "--clusters", defaultValue = "1000", description = "Clusters of the synthetic vectors (default: ${DEFAULT-VALUE}).")
    int clusters;
    @Option(names = "--queries", defaultValue = "200", description = "Queries for recall (default: ${DEFAULT-VALUE}).")
    int queries;
    @Option(names = "-k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--clients", defaultValue = "8", description = "Concurrent query clients (default: ${DEFAULT-VALUE}).")
    int clients;
    @Option(names = "--query-gates", defaultValue = "-1,0,-1,0", split = ",", description = "Latency runs, one per value: "
            + "searches at once, the others queued as in the service (ca4.search.max-concurrent-queries); 0 = one per "
            + "core, -1 = no gate; alternated so neither gets all the warm-up. The last is the headline (default: ${DEFAULT-VALUE}).")
    List<Integer> queryGates;
    @Option(names = "--latency-queries", defaultValue = "4000", description = "Queries timed over all clients (default: ${DEFAULT-VALUE}).")
    int latencyQueries;
    @Option(names = "--max-degree", defaultValue = "32") int maxDegree;
    @Option(names = "--beam-width", defaultValue = "100") int beamWidth;
    @Option(names = "--pq-subspaces", defaultValue = "256") int pqSubspaces;
    @Option(names = "--rerank", defaultValue = "64") int rerank;
    @Option(names = "--work-dir", defaultValue = ".local/bench-search", description = "Where the vector file goes (default: ${DEFAULT-VALUE}).")
    Path workDir;
    @Option(names = "--results-dir", defaultValue = "bench/results", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("vectors-" + count + "x" + dimension + ".f32");
        Files.deleteIfExists(file);
        SyntheticVectors data = new SyntheticVectors(dimension, clusters, 42);
        ObjectNode out = new ObjectMapper().createObjectNode();
        try (VectorFile vectors = new VectorFile(file, dimension)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                vectors.append(data.vector(i));
            }
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("wrote %,d vectors of %d dims in %.1f s%n", count, dimension, writeSeconds);

            long heapBefore = usedHeapAfterGc();
            t0 = System.nanoTime();
            AnnIndex.Settings settings = new AnnIndex.Settings(maxDegree, beamWidth, pqSubspaces, rerank);
            try (AnnIndex index = AnnIndex.build(vectors, settings)) {
                double buildSeconds = (System.nanoTime() - t0) / 1e9;
                long heapAfter = usedHeapAfterGc();
                System.out.printf("built in %.1f s: %d B/vector by jvector's accounting, %d B/vector of heap after GC%n",
                        buildSeconds, index.ramBytesUsed() / count, (heapAfter - heapBefore) / count);

                // recall@k on queries that are not in the index (vectors count.. of the same distribution)
                double recallSum = 0;
                for (int q = 0; q < queries; q++) {
                    float[] query = data.vector(count + q);
                    recallSum += ExactSearch.recall(ExactSearch.search(vectors, query, k), index.search(query, k));
                }
                double recall = recallSum / queries;
                System.out.printf("recall@%d over %d queries: %.4f%n", k, queries, recall);

                ArrayNode runs = new ObjectMapper().createArrayNode();
                Histogram latency = new QueryLatency(query -> index.search(query, k), data, 2L * count, k, clients,
                        latencyQueries).runs(queryGates, runs);

                out.put("vectors", count).put("dim", dimension).put("clusters", clusters).put("k", k)
                        .put("max_degree", maxDegree).put("beam_width", beamWidth).put("pq_subspaces", pqSubspaces)
                        .put("rerank", rerank).put("write_seconds", writeSeconds).put("build_seconds", buildSeconds)
                        .put("ram_bytes_per_vector_jvector", index.ramBytesUsed() / count)
                        .put("heap_bytes_per_vector_after_gc", (heapAfter - heapBefore) / count)
                        .put("disk_bytes_per_vector", 4L * dimension)
                        .put("recall_at_k", recall).put("recall_queries", queries)
                        .put("clients", clients).put("latency_queries", latencyQueries)
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
        Files.createDirectories(resultsDir);
        Path json = resultsDir.resolve("search-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), out);
        System.out.println("results: " + json);
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
