package dev.ca4.localstack.service;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.ca4.localstack.Service;
import dev.ca4.localstack.StackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Mongo-compatible store's JVM: mongo-java-server with the H2 backend in one file. SIGTERM runs the shutdown
 * hook, which closes the server and the backend so every acknowledged write is on disk.
 */
public final class MongoMain {

    private static final Logger LOG = LoggerFactory.getLogger(MongoMain.class);

    private MongoMain() {
    }

    public static void main(String[] args) {
        StackConfig config = StackConfig.fromEnvironment();
        try {
            Path file = Files.createDirectories(config.dataDir(Service.MONGO)).resolve("ca4.mv");
            H2Backend backend = new H2Backend(file.toString());
            MongoServer server = new MongoServer(backend);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.shutdownNow();
                LOG.info("mongo stopped; data closed in {}", file);
            }, "mongo-shutdown"));
            server.bind(StackConfig.HOST, config.mongoPort());
            LOG.info("mongo ready on {} (data {})", config.address(Service.MONGO), file);
        } catch (Exception e) {
            LOG.error("mongo failed to start", e);
            Runtime.getRuntime().halt(1);
        }
    }
}
