package dev.ca4.localstack.service;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.ca4.localstack.Service;
import dev.ca4.localstack.StackConfig;
import dev.ca4.localstack.store.BsonH2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Mongo-compatible store's JVM: mongo-java-server with the H2 backend in one file, its pages in BSON (see
 * docs/local-store.md), or, with CA4_LOCAL_MONGO_BACKEND=memory, in memory. SIGTERM runs the shutdown
 * hook, which closes the server and the backend so every acknowledged write is on disk.
 */
public final class MongoMain {
    /**
     * h2 (default): one file, kept across stops, what make run uses; memory: nothing is kept, for measuring the
     * worker rather than the store (bench/README.md compares both).
     */
    static final String BACKEND_ENV = "CA4_LOCAL_MONGO_BACKEND";
    /** The H2 file, BSON pages. */
    static final String STORE_FILE = "ca4-bson.mv";
    /** The file of earlier versions (the library's Java-serialized pages), copied into STORE_FILE once. */
    static final String LEGACY_STORE_FILE = "ca4.mv";

    private static final Logger LOG = LoggerFactory.getLogger(MongoMain.class);

    private MongoMain() {
    }

    public static void main(String[] args) {
        StackConfig config = StackConfig.fromEnvironment();
        try {
            Path dir = Files.createDirectories(config.dataDir(Service.MONGO));
            Path file = dir.resolve(STORE_FILE);
            String kind = System.getenv().getOrDefault(BACKEND_ENV, "h2");
            MongoBackend backend = switch (kind) {
                case "h2" -> BsonH2Backend.open(file, dir.resolve(LEGACY_STORE_FILE));
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
