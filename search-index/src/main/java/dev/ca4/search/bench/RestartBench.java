package dev.ca4.search.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.search.index.AnnIndex;
import dev.ca4.search.index.LiveIndex;
import dev.ca4.search.index.SyntheticVectors;
import dev.ca4.search.index.VectorFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * make bench-search-restart: what a restart of the search service costs (docs/similarity-search.md, "Graph file").
 * Builds the live index over N vectors as the service does, closes it (which saves the graph), then opens it again
 * twice: with its graph file (reloaded) and without (built again), timing each until the graph covers every vector.
 * Writes bench/results/search-restart-*.json.
 */
@Command(name = "restart-bench", mixinStandardHelpOptions = true,
        description = "Time the live index's restart: graph reloaded from its file against graph built again.")
public final class RestartBench implements Callable<Integer> {
    @Option(names = "--vectors", defaultValue = "20000", description = "Vectors indexed (default: ${DEFAULT-VALUE}).")
    int count;
    @Option(names = "--dim", defaultValue = "2048", description = "Dimensions (default: ${DEFAULT-VALUE}).")
    int dimension;
    @Option(names = "--threads", defaultValue = "0", description = "Threads inserting, 0 = every core (default: ${DEFAULT-VALUE}).")
    int threads;
    @Mixin
    BenchFiles files;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(files.workDir);
        Path vectorsPath = files.workDir.resolve("restart-vectors.f32");
        Path graph = files.workDir.resolve("restart-graph.bin");
        Files.deleteIfExists(vectorsPath);
        Files.deleteIfExists(graph);
        int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        // the service's defaults (search-war microprofile-config.properties)
        LiveIndex.Settings settings = new LiveIndex.Settings(AnnIndex.Settings.defaults(), 4096, cores, 60_000);
        SyntheticVectors data = new SyntheticVectors(dimension, 1000, 42);
        ObjectNode out = new ObjectMapper().createObjectNode();
        try {
            double buildSeconds;
            long graphBytes;
            try (VectorFile file = new VectorFile(vectorsPath, dimension);
                 LiveIndex index = new LiveIndex(file, settings, graph)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    index.append(data.vector(i));
                }
                awaitCovered(index);
                buildSeconds = (System.nanoTime() - t0) / 1e9;
                file.force();
                index.durable(count);
            }
            graphBytes = Files.size(graph);
            System.out.printf("built over %,d vectors in %.1f s; graph file %,d bytes%n", count, buildSeconds, graphBytes);
            double reloadSeconds = reopen(vectorsPath, graph, settings, count);
            System.out.printf("reopened with the graph file: covered in %.1f s%n", reloadSeconds);
            Files.delete(graph);
            double rebuildSeconds = reopen(vectorsPath, graph, settings, 0);
            System.out.printf("reopened without it: covered in %.1f s%n", rebuildSeconds);
            out.put("vectors", count).put("dim", dimension).put("threads", cores)
                    .put("build_seconds", buildSeconds).put("graph_file_bytes_per_vector", (double) graphBytes / count)
                    .put("restart_reload_seconds", reloadSeconds).put("restart_rebuild_seconds", rebuildSeconds)
                    .put("cores", Runtime.getRuntime().availableProcessors()).put("java", System.getProperty("java.version"));
        } finally {
            Files.deleteIfExists(vectorsPath);
            Files.deleteIfExists(graph);
        }
        files.writeResults("search-restart", out);
        return 0;
    }

    /** Opens the index again and times it until the graph covers every vector; checks where the graph came from. */
    private double reopen(Path vectorsPath, Path graph, LiveIndex.Settings settings, int expectReloaded)
            throws Exception {
        try (VectorFile file = new VectorFile(vectorsPath, dimension);
             LiveIndex index = new LiveIndex(file, settings, graph)) {
            long t0 = System.nanoTime();
            awaitCovered(index);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (index.reloaded() != expectReloaded) {
                throw new IllegalStateException("expected " + expectReloaded + " vectors reloaded, got " + index.reloaded());
            }
            return seconds;
        }
    }

    private static void awaitCovered(LiveIndex index) throws InterruptedException {
        if (!index.awaitCovered(Long.MAX_VALUE / 2_000_000)) {
            throw new IllegalStateException("the graph stopped growing", index.failure());
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RestartBench()).execute(args));
    }
}
