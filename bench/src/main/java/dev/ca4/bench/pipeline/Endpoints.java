package dev.ca4.bench.pipeline;

import java.net.URI;
import java.nio.file.Path;

/** Where the pipeline under test is and how to reach it; names fixed in docs/design.md are defaults of the CLI. */
public record Endpoints(URI api, URI worker, String apiKey, String kafkaBootstrap, String topic, String group,
                        String mongoUri, String database, String collection, Path workerServer) {
}
