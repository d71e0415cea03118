package dev.ca4.processor.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Every processor setting in one place; defaults and meanings live in META-INF/microprofile-config.properties. */
@ApplicationScoped
public class ProcessorConfig {

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
    @ConfigProperty(name = "ca4.api.rate-limit.events-per-second")
    long rateLimitEventsPerSecond;

    @Inject
    @ConfigProperty(name = "ca4.api.rate-limit.burst")
    long rateLimitBurst;

    @Inject
    @ConfigProperty(name = "ca4.api.rate-limit.per-key")
    Optional<String> rateLimitPerKey;

    @Inject
    @ConfigProperty(name = "ca4.api.max-event-bytes")
    long maxEventBytes;

    @Inject
    @ConfigProperty(name = "ca4.api.max-batch-bytes")
    long maxBatchBytes;

    @Inject
    @ConfigProperty(name = "ca4.api.max-batch-size")
    int maxBatchSize;

    @Inject
    @ConfigProperty(name = "ca4.api.publish-timeout-ms")
    long publishTimeoutMs;

    @Inject
    @ConfigProperty(name = "ca4.api.retry-after-seconds")
    int retryAfterSeconds;

    @Inject
    @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Inject
    @ConfigProperty(name = "mp.messaging.outgoing.gpuMetadata.topic")
    String topic;

    @Inject
    @ConfigProperty(name = "ca4.health.kafka-timeout-ms")
    long kafkaHealthTimeoutMs;

    public String apiKeys() {
        return apiKeys.orElse("");
    }

    public String apiKeysFile() {
        return apiKeysFile.orElse("");
    }

    public String revokedKeys() {
        return revokedKeys.orElse("");
    }

    public long rateLimitEventsPerSecond() {
        return rateLimitEventsPerSecond;
    }

    public long rateLimitBurst() {
        return rateLimitBurst;
    }

    public String rateLimitPerKey() {
        return rateLimitPerKey.orElse("");
    }

    public long maxEventBytes() {
        return maxEventBytes;
    }

    public long maxBatchBytes() {
        return maxBatchBytes;
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    public long publishTimeoutMs() {
        return publishTimeoutMs;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String topic() {
        return topic;
    }

    public long kafkaHealthTimeoutMs() {
        return kafkaHealthTimeoutMs;
    }
}
