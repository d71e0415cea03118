package dev.ca4.localstack.service;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.ca4.localstack.Service;
import dev.ca4.localstack.StackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Mongo-compatible store's JVM: mongo-java-server with the H2 backend in one file (or, with
 * CA4_LOCAL_MONGO_BACKEND=memory, in memory). SIGTERM runs the shutdown
 * hook, which closes the server and the backend so every acknowledged write is on disk.
 */
public final class MongoMain {
    /**
     * h2 (default): one file, kept across stops, what make run uses; memory: nothing is kept, for measuring the
     * worker rather than the store (bench/README.md compares both).
     */
    static final String BACKEND_ENV = "CA4_LOCAL_MONGO_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(MongoMain.class);

    private MongoMain() {
    }

    public static void main(String[] args) {
        StackConfig config = StackConfig.fromEnvironment();
        try {
            Path file = Files.createDirectories(config.dataDir(Service.MONGO)).resolve("ca4.mv");
            String kind = System.getenv().getOrDefault(BACKEND_ENV, "h2");
            MongoBackend backend = switch (kind) {
                case "h2" -> new H2Backend(file.toString());
                case "memory" -> new MemoryBackend();
                default -> throw new IllegalArgumentException(BACKEND_ENV + " must be h2 or memory, not '" + kind + "'");
            };
            MongoServer server = new MongoServer(backend);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.shutdownNow();
                LOG.info("mongo stopped; data closed in {}", file);
            }, "mongo-shutdown"));
            server.bind(StackConfig.HOST, config.mongoPort());
            LOG.info("mongo ready on {} ({} backend{})", config.address(Service.MONGO), kind,
                    kind.equals("h2") ? ", data " + file : ": nothing survives a stop");
        } catch (Exception e) {
            LOG.error("mongo failed to start", e);
            Runtime.getRuntime().halt(1);
        }
    }
}
