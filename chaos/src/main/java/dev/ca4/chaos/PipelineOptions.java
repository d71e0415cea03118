package dev.ca4.chaos;

import dev.ca4.bench.pipeline.Endpoints;
import dev.ca4.bench.pipeline.EventStore;
import dev.ca4.bench.pipeline.PipelineKafka;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/** Where the pipeline is and how to drive it; the defaults are make's (fixed ports, DESIGN.md names). */
public class PipelineOptions {
    @Option(names = {"-a", "--api"}, defaultValue = "http://localhost:9080", description = "Processor base URL (default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = {"-w", "--worker"}, defaultValue = "http://localhost:9081", description = "Worker base URL (default: ${DEFAULT-VALUE}).")
    URI worker;

    @Option(names = {"-k", "--api-key"}, defaultValue = "${env:CA4_API_KEYS}",
            description = "API key (default: the first of $CA4_API_KEYS; never printed).")
    String apiKey;

    @Option(names = "--kafka", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap (default: ${DEFAULT-VALUE}).")
    String kafka;

    @Option(names = "--mongo", defaultValue = "mongodb://127.0.0.1:27017", description = "Store URI (default: ${DEFAULT-VALUE}).")
    String mongo;

    @Option(names = "--processor-server", defaultValue = "processor-war/target/liberty/wlp/bin/server",
            description = "Liberty script of the processor (default: ${DEFAULT-VALUE}).")
    Path processorServer;

    @Option(names = "--worker-server", defaultValue = "worker-war/target/liberty/wlp/bin/server",
            description = "Liberty script of the worker (default: ${DEFAULT-VALUE}).")
    Path workerServer;

    @Option(names = "--stack-jar", defaultValue = "local-stack/target/local-stack.jar",
            description = "The local stack's CLI (default: ${DEFAULT-VALUE}).")
    Path stackJar;

    @Option(names = "--stack-home", defaultValue = ".local/chaos",
            description = "Home of the stack the pipeline runs on (default: ${DEFAULT-VALUE}).")
    Path stackHome;

    @Option(names = "--archive", defaultValue = "${env:CA4_ARCHIVE_ENABLED:-false}",
            description = "Whether the worker archives to S3 (then every event's objects are counted too; default: $CA4_ARCHIVE_ENABLED).")
    boolean archive;

    @Option(names = {"-o", "--results-dir"}, defaultValue = "chaos/results", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    Endpoints endpoints() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("no API key: set --api-key or CA4_API_KEYS");
        }
        return new Endpoints(api, worker, apiKey.split(",")[0].strip(), kafka, "gpu-metadata", "ca4-worker", mongo,
                "ca4", "gpu_metadata", workerServer);
    }

    Pipeline pipeline() {
        Endpoints e = endpoints();
        Archive a = null;
        if (archive) {
            a = new Archive(URI.create(env("CA4_S3_ENDPOINT", "http://127.0.0.1:9000")),
                    env("CA4_S3_ACCESS_KEY", "ca4-local"), env("CA4_S3_SECRET_KEY", "ca4-local-secret"),
                    env("CA4_S3_BUCKET", "ca4-archive"));
        }
        return new Pipeline(e, new LibertyServer("processor", processorServer, api),
                new LibertyServer("worker", workerServer, worker), new StackControl(stackJar, stackHome),
                new EventStore(mongo, e.database(), e.collection()), new PipelineKafka(kafka, e.topic(), e.group()),
                a, new Poison(kafka, e.topic(), "gpu-metadata-dlq"));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
