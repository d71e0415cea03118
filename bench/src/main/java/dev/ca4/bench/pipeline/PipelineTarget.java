package dev.ca4.bench.pipeline;

import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the local pipeline is (a picocli mixin shared by {@code bench}, {@code chaos} and {@code soak}); the defaults
 * are make's fixed ports and the names of docs/design.md.
 */
public class PipelineTarget {
    @Option(names = {"-a", "--api"}, defaultValue = "http://localhost:9080", description = "Processor base URL (default: ${DEFAULT-VALUE}).")
    public URI api;

    @Option(names = {"-w", "--worker"}, defaultValue = "http://localhost:9081", description = "Worker base URL (default: ${DEFAULT-VALUE}).")
    public URI worker;

    @Option(names = {"-k", "--api-key"}, defaultValue = "${env:CA4_API_KEYS}",
            description = "API key (default: the first of $CA4_API_KEYS; never printed).")
    public String apiKey;

    @Option(names = "--kafka", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap (default: ${DEFAULT-VALUE}).")
    public String kafka;

    @Option(names = "--mongo", defaultValue = "mongodb://127.0.0.1:27017", description = "Store URI (default: ${DEFAULT-VALUE}).")
    public String mongo;

    @Option(names = "--worker-server", defaultValue = "worker-war/target/liberty/wlp/bin/server",
            description = "Liberty script that stops and starts the worker (default: ${DEFAULT-VALUE}).")
    public Path workerServer;

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** The endpoints with the first configured key, or none when {@code needKey} is false (e.g. producer alone). */
    public Endpoints endpoints(boolean needKey) {
        if (needKey && !hasApiKey()) {
            throw new IllegalArgumentException("no API key: set --api-key or CA4_API_KEYS");
        }
        return new Endpoints(api, worker, needKey ? apiKey.split(",")[0].strip() : "", kafka, "gpu-metadata",
                "ca4-worker", mongo, "ca4", "gpu_metadata", workerServer);
    }
}
