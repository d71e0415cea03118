package dev.ca4.worker.archive;

import dev.ca4.event.EmbeddingCodec;
import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.consume.PendingWrite;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes each event's raw JSON and its float32 embedding to S3 (keys from {@link S3Keys}) and records the keys
 * in the document. PUTs are idempotent (same key, same bytes), so a retried batch is harmless.
 */
@ApplicationScoped
public class Archiver {

    @Inject
    WorkerConfig config;

    private S3Client s3;
    private ExecutorService pool;

    @PostConstruct
    void init() {
        if (!config.archiveEnabled()) {
            return;
        }
        S3ClientBuilder b = S3Client.builder().region(Region.of(config.s3Region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(10)))
                .forcePathStyle(config.s3PathStyle());
        if (!config.s3Endpoint().isBlank()) {
            b.endpointOverride(URI.create(config.s3Endpoint()));
        }
        b.credentialsProvider(config.s3AccessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.s3AccessKey(),
                config.s3SecretKey())));
        s3 = b.build();
        pool = Executors.newFixedThreadPool(config.s3Concurrency());
    }

    public boolean enabled() {
        return s3 != null;
    }

    /** Archives every event of the batch; throws if any PUT failed (the caller retries the batch). */
    public void archive(List<PendingWrite> batch) {
        List<CompletableFuture<Void>> puts = batch.stream()
                .map(w -> CompletableFuture.runAsync(() -> archiveOne(w), pool)).toList();
        try {
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void archiveOne(PendingWrite w) {
        String rawKey = S3Keys.raw(w.event());
        String embeddingKey = S3Keys.embedding(w.event());
        s3.putObject(PutObjectRequest.builder().bucket(config.s3Bucket()).key(rawKey)
                .contentType("application/json").build(), RequestBody.fromBytes(w.raw()));
        s3.putObject(PutObjectRequest.builder().bucket(config.s3Bucket()).key(embeddingKey)
                .contentType("application/octet-stream").build(),
                RequestBody.fromBytes(EmbeddingCodec.toBytes(w.event().embedding().values())));
        w.document().append("archive", new Document("bucket", config.s3Bucket()).append("raw_key", rawKey)
                .append("embedding_key", embeddingKey));
    }

    /** Throws when the bucket is not reachable. */
    public void check() {
        s3.headBucket(HeadBucketRequest.builder().bucket(config.s3Bucket()).build());
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            pool.shutdownNow();
            s3.close();
        }
    }
}
