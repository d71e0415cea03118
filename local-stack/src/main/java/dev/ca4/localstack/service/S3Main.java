package dev.ca4.localstack.service;

import dev.ca4.localstack.Service;
import dev.ca4.localstack.StackConfig;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The S3-compatible store's JVM: s3proxy on the filesystem, with the archive bucket pre-created. */
public final class S3Main {

    /** The bucket the worker archives to (docs/design.md, ca4-s3-config). */
    public static final String BUCKET = "ca4-archive";

    private static final Logger LOG = LoggerFactory.getLogger(S3Main.class);

    private S3Main() {
    }

    public static void main(String[] args) {
        StackConfig config = StackConfig.fromEnvironment();
        try {
            Path basedir = Files.createDirectories(config.dataDir(Service.S3));
            // A bucket of the filesystem store is a directory under its basedir.
            Files.createDirectories(basedir.resolve(BUCKET));
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(basedir.toString()))
                    .endpoint(URI.create(config.s3Endpoint()))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, config.s3Identity(), config.s3Credential())
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(proxy), "s3-shutdown"));
            proxy.start();
            LOG.info("s3 ready on {} (basedir {}, bucket {})", config.s3Endpoint(), basedir, BUCKET);
        } catch (Exception e) {
            LOG.error("s3 failed to start", e);
            Runtime.getRuntime().halt(1);
        }
    }

    private static void stop(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("s3proxy did not stop cleanly", e);
        }
    }
}
