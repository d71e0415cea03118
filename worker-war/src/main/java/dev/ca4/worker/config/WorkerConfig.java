package dev.ca4.worker.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.ca4.worker.segment.SegmentLimits;
import dev.ca4.worker.transform.EmbeddingFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Every worker setting in one place; defaults and meanings live in META-INF/microprofile-config.properties. */
@ApplicationScoped
public class WorkerConfig {

    @Inject @ConfigProperty(name = "ca4.mongo.uri") String mongoUri;
    @Inject @ConfigProperty(name = "ca4.mongo.tls-ca-file") Optional<String> mongoTlsCaFile;
    @Inject @ConfigProperty(name = "ca4.mongo.database") String mongoDatabase;
    @Inject @ConfigProperty(name = "ca4.mongo.collection") String mongoCollection;
    @Inject @ConfigProperty(name = "ca4.mongo.timeout-ms") int mongoTimeoutMs;
    @Inject @ConfigProperty(name = "ca4.store.embedding-format") String embeddingFormat;
    @Inject @ConfigProperty(name = "ca4.segment.max-records") int segmentMaxRecords;
    @Inject @ConfigProperty(name = "ca4.segment.max-bytes") long segmentMaxBytes;
    @Inject @ConfigProperty(name = "ca4.segment.max-span-ms") long segmentMaxSpanMs;
    @Inject @ConfigProperty(name = "ca4.segment.max-open-ms") long segmentMaxOpenMs;
    @Inject @ConfigProperty(name = "ca4.segment.max-open-backlog-ms") long segmentMaxOpenBacklogMs;
    @Inject @ConfigProperty(name = "ca4.sink.writers") int sinkWriters;
    @Inject @ConfigProperty(name = "ca4.store.retry-initial-ms") long retryInitialMs;
    @Inject @ConfigProperty(name = "ca4.store.retry-max-ms") long retryMaxMs;
    @Inject @ConfigProperty(name = "ca4.archive.enabled") boolean archiveEnabled;
    @Inject @ConfigProperty(name = "ca4.s3.bucket") String s3Bucket;
    @Inject @ConfigProperty(name = "ca4.s3.region") String s3Region;
    @Inject @ConfigProperty(name = "ca4.s3.endpoint") Optional<String> s3Endpoint;
    @Inject @ConfigProperty(name = "ca4.s3.path-style") boolean s3PathStyle;
    @Inject @ConfigProperty(name = "ca4.s3.access-key") Optional<String> s3AccessKey;
    @Inject @ConfigProperty(name = "ca4.s3.secret-key") Optional<String> s3SecretKey;
    @Inject @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.bootstrap.servers") String kafkaBootstrap;
    @Inject @ConfigProperty(name = "mp.messaging.outgoing.deadLetters.topic") String dlqTopic;
    @Inject @ConfigProperty(name = "ca4.health.kafka-timeout-ms") long kafkaHealthTimeoutMs;
    @Inject @ConfigProperty(name = "ca4.worker.version") String workerVersion;
    @Inject @ConfigProperty(name = "mp.messaging.incoming.gpuMetadata.topic") String topic;
    @Inject @ConfigProperty(name = "mp.messaging.incoming.gpuMetadata.group.id") String groupId;
    @Inject @ConfigProperty(name = "ca4.consumer.stall-seconds", defaultValue = "30") long consumerStallSeconds;
    @Inject @ConfigProperty(name = "ca4.consumer.restart-on-stall", defaultValue = "true") boolean restartOnStall;
    @Inject @ConfigProperty(name = "ca4.consumer.application-name", defaultValue = "worker-war") String applicationName;

    public String mongoUri() { return mongoUri; }
    public String mongoTlsCaFile() { return mongoTlsCaFile.orElse(""); }
    public String mongoDatabase() { return mongoDatabase; }
    public String mongoCollection() { return mongoCollection; }
    public int mongoTimeoutMs() { return mongoTimeoutMs; }
    public EmbeddingFormat embeddingFormat() { return EmbeddingFormat.parse(embeddingFormat); }
    public SegmentLimits segmentLimits() { return new SegmentLimits(segmentMaxRecords, segmentMaxBytes, segmentMaxSpanMs,
            segmentMaxOpenMs, segmentMaxOpenBacklogMs); }
    public int sinkWriters() { return sinkWriters; }
    public long retryInitialMs() { return retryInitialMs; }
    public long retryMaxMs() { return retryMaxMs; }
    public boolean archiveEnabled() { return archiveEnabled; }
    public String s3Bucket() { return s3Bucket; }
    public String s3Region() { return s3Region; }
    public String s3Endpoint() { return s3Endpoint.orElse(""); }
    public boolean s3PathStyle() { return s3PathStyle; }
    public String s3AccessKey() { return s3AccessKey.orElse(""); }
    public String s3SecretKey() { return s3SecretKey.orElse(""); }
    public String kafkaBootstrap() { return kafkaBootstrap; }
    public String dlqTopic() { return dlqTopic; }
    public long kafkaHealthTimeoutMs() { return kafkaHealthTimeoutMs; }
    public String workerVersion() { return workerVersion; }
    public String topic() { return topic; }
    public String groupId() { return groupId; }
    public long consumerStallSeconds() { return consumerStallSeconds; }
    public boolean restartOnStall() { return restartOnStall; }
    public String applicationName() { return applicationName; }
}
