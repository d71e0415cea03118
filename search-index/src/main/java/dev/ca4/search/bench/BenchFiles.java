package dev.ca4.search.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a search bench works and where its JSON goes (a picocli mixin shared by the search benches). */
final class BenchFiles {
    @Option(names = "--work-dir", defaultValue = ".local/bench-search", description = "Where the index files go (default: ${DEFAULT-VALUE}).")
    Path workDir;
    @Option(names = "--results-dir", defaultValue = "bench/results", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    /** Writes {@code <prefix>-<time>.json} into the results dir and prints where. */
    Path writeResults(String prefix, ObjectNode out) throws IOException {
        Files.createDirectories(resultsDir);
        Path json = resultsDir.resolve(prefix + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), out);
        System.out.println("results: " + json);
        return json;
    }
}
