package dev.ca4.chaos;

import dev.ca4.bench.pipeline.Endpoints;
import dev.ca4.bench.pipeline.EventStore;
import dev.ca4.bench.pipeline.PipelineKafka;
import dev.ca4.bench.pipeline.PipelineTarget;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/** Where the pipeline is and how to drive it; the defaults are make's (fixed ports and names: docs/design.md). */
public class PipelineOptions {
    @Mixin
    PipelineTarget target;

    @Option(names = "--processor-server", defaultValue = "processor-war/target/liberty/wlp/bin/server",
            description = "Liberty script of the processor (default: ${DEFAULT-VALUE}).")
    Path processorServer;

    @Option(names = "--processor-container",
            description = "Name of a podman container running the processor's image (make test-images); the faults then stop, kill and start it with podman instead of the Liberty script.")
    String processorContainer;

    @Option(names = "--worker-container",
            description = "Name of a podman container running the worker's image (make test-images), as --processor-container.")
    String workerContainer;

    @Option(names = "--stack-jar", defaultValue = "local-stack/target/local-stack.jar",
            description = "The local stack's CLI (default: ${DEFAULT-VALUE}).")
    Path stackJar;

    @Option(names = "--stack-home", defaultValue = ".local/chaos",
            description = "Home of the stack the pipeline runs on (default: ${DEFAULT-VALUE}).")
    Path stackHome;

    // No picocli default: a boolean option toggles its default when given, so with the default taken from
    // CA4_ARCHIVE_ENABLED (true under make chaos) "--archive" turned the archive count off. Unset = the env.
    @Option(names = "--archive", negatable = true,
            description = "Whether the worker archives to S3 (then every event's objects are counted too); --no-archive: not (default: $CA4_ARCHIVE_ENABLED, else false).")
    Boolean archiveOption;

    /** Whether the archive is counted: --archive / --no-archive, else CA4_ARCHIVE_ENABLED, else false. */
    boolean archive() {
        return archive(System.getenv("CA4_ARCHIVE_ENABLED"));
    }

    boolean archive(String environment) {
        return archiveOption != null ? archiveOption : Boolean.parseBoolean(environment);
    }

    @Option(names = {"-o", "--results-dir"}, defaultValue = "chaos/results", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    Endpoints endpoints() {
        return target.endpoints(true);
    }

    Pipeline pipeline() {
        Endpoints e = endpoints();
        Archive a = null;
        if (archive()) {
            a = new Archive(URI.create(env("CA4_S3_ENDPOINT", "http://127.0.0.1:9000")),
                    env("CA4_S3_ACCESS_KEY", "ca4-local"), env("CA4_S3_SECRET_KEY", "ca4-local-secret"),
                    env("CA4_S3_BUCKET", "ca4-archive"));
        }
        return new Pipeline(e, server("processor", processorContainer, processorServer, target.api),
                server("worker", workerContainer, target.workerServer, target.worker), new StackControl(stackJar, stackHome),
                new EventStore(target.mongo, e.database(), e.collection()), new PipelineKafka(target.kafka, e.topic(), e.group()),
                a, new Poison(target.kafka, e.topic(), "gpu-metadata-dlq"));
    }

    /** The container when one is named, else the Liberty server of the build. */
    static ServerControl server(String name, String container, Path script, URI base) {
        return container != null ? new ContainerServer(name, container, base) : new LibertyServer(name, script, base);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
