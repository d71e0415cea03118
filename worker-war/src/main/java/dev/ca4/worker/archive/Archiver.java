package dev.ca4.worker.archive;

import dev.ca4.worker.config.WorkerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Optional;

/** The worker's archive when {@code ca4.archive.enabled}: its {@link SegmentStore} in the configured bucket. */
@ApplicationScoped
public class Archiver {

    @Inject
    WorkerConfig config;

    private S3Client s3;
    private SegmentStore segments;

    @PostConstruct
    void init() {
        if (!config.archiveEnabled()) {
            return;
        }
        s3 = S3Clients.create(config.s3Region(), config.s3Endpoint(), config.s3PathStyle(), config.s3AccessKey(),
                config.s3SecretKey());
        segments = new SegmentStore(s3, config.s3Bucket(), config.workerVersion());
    }

    /** Empty when archiving is off. */
    public Optional<SegmentStore> segments() {
        return Optional.ofNullable(segments);
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
