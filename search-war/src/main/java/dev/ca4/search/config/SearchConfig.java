package dev.ca4.search.config;

import dev.ca4.search.index.AnnIndex;
import dev.ca4.search.index.LiveIndex;
import dev.ca4.search.index.QueryGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/** Every search setting in one place; defaults and meanings live in META-INF/microprofile-config.properties. */
@ApplicationScoped
public class SearchConfig {

    @Inject
    @ConfigProperty(name = "ca4.api.keys")
    Optional<String> apiKeys;

    @Inject
    @ConfigProperty(name = "ca4.api.keys-file")
    Optional<String> apiKeysFile;

    @Inject
    @ConfigProperty(name = "ca4.api.revoked-keys")
    Optional<String> revokedKeys;

    @Inject
    @ConfigProperty(name = "ca4.search.max-k")
    int maxK;

    @Inject
    @ConfigProperty(name = "ca4.search.data-dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "ca4.search.dimension")
    int dimension;

    @Inject
    @ConfigProperty(name = "ca4.search.training-vectors")
    int trainingVectors;

    @Inject
    @ConfigProperty(name = "ca4.search.index-threads")
    int indexThreads;

    @Inject
    @ConfigProperty(name = "ca4.search.graph-save-ms")
    long graphSaveMs;

    @Inject
    @ConfigProperty(name = "ca4.search.max-concurrent-queries")
    int maxConcurrentQueries;

    @Inject
    @ConfigProperty(name = "ca4.search.ann.max-degree")
    int maxDegree;

    @Inject
    @ConfigProperty(name = "ca4.search.ann.beam-width")
    int beamWidth;

    @Inject
    @ConfigProperty(name = "ca4.search.ann.pq-subspaces")
    int pqSubspaces;

    @Inject
    @ConfigProperty(name = "ca4.search.ann.rerank")
    int rerank;

    @Inject
    @ConfigProperty(name = "ca4.search.ann.refine-width")
    int refineWidth;

    @Inject
    @ConfigProperty(name = "ca4.search.ann.refine-expansions")
    int refineExpansions;

    @Inject
    @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Inject
    @ConfigProperty(name = "ca4.search.topic")
    String topic;

    @Inject
    @ConfigProperty(name = "ca4.search.group-id")
    String groupId;

    @Inject
    @ConfigProperty(name = "ca4.search.checkpoint-ms")
    long checkpointMs;

    @Inject
    @ConfigProperty(name = "ca4.search.poll-ms")
    long pollMs;

    @Inject
    @ConfigProperty(name = "ca4.search.max-poll-records")
    int maxPollRecords;

    @Inject
    @ConfigProperty(name = "ca4.search.ready-max-lag")
    long readyMaxLag;

    public String apiKeys() {
        return apiKeys.orElse("");
    }

    public String apiKeysFile() {
        return apiKeysFile.orElse("");
    }

    public String revokedKeys() {
        return revokedKeys.orElse("");
    }

    public int maxK() {
        return maxK;
    }

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath();
    }

    public int dimension() {
        return dimension;
    }

    public LiveIndex.Settings indexSettings() {
        int threads = indexThreads > 0 ? indexThreads : Runtime.getRuntime().availableProcessors();
        return new LiveIndex.Settings(new AnnIndex.Settings(maxDegree, beamWidth, pqSubspaces, rerank, refineWidth, refineExpansions),
                trainingVectors, threads, graphSaveMs);
    }

    /** Searches run at once, the rest queued (0 = one per core): see {@link QueryGate}. */
    public int maxConcurrentQueries() {
        return maxConcurrentQueries;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String topic() {
        return topic;
    }

    public String groupId() {
        return groupId;
    }

    public long checkpointMs() {
        return checkpointMs;
    }

    public long pollMs() {
        return pollMs;
    }

    public int maxPollRecords() {
        return maxPollRecords;
    }

    public long readyMaxLag() {
        return readyMaxLag;
    }
}
