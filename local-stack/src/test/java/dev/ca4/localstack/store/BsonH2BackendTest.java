package dev.ca4.localstack.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store file through the real driver and wire protocol: what is written is read back byte for byte. */
class BsonH2BackendTest {
    private static final int DOCUMENTS = 300;

    @TempDir
    Path dir;

    @Test
    void documentsAndUniqueIndexesSurviveAReopen() {
        Path file = dir.resolve("store.mv");
        List<RawBsonDocument> written = withStore(() -> BsonH2Backend.open(file, dir.resolve("none.mv")), c -> {
            c.createIndex(Indexes.ascending("segment", "row"), new IndexOptions().unique(true));
            c.insertMany(documents());
        });

        withStore(() -> BsonH2Backend.open(file, dir.resolve("none.mv")), c -> {
            assertEquals(written, readAll(c));
            assertDuplicatesRefused(c);
        });
    }

    @Test
    void aFileOfTheLibrarysOwnFormatIsCopiedOnceAndKept() {
        Path legacy = dir.resolve("ca4.mv");
        Path file = dir.resolve("ca4-bson.mv");
        List<RawBsonDocument> written = withStore(() -> new H2Backend(legacy.toString()), c -> {
            c.createIndex(Indexes.ascending("segment", "row"), new IndexOptions().unique(true));
            c.insertMany(documents());
        });

        withStore(() -> BsonH2Backend.open(file, legacy), c -> {
            assertEquals(written, readAll(c));
            assertDuplicatesRefused(c);
            c.deleteOne(new Document("_id", "event-0"));
        });
        assertFalse(Files.exists(legacy));
        assertTrue(Files.exists(dir.resolve("ca4.mv" + LegacyStoreMigration.KEPT_SUFFIX)));

        // The copy is made once: a later start opens the new file as it was left.
        withStore(() -> BsonH2Backend.open(file, legacy), c -> assertEquals(DOCUMENTS - 1, c.countDocuments()));
    }

    @Test
    void aLegacyFileIsNotCopiedOverAnExistingStore() {
        Path legacy = dir.resolve("ca4.mv");
        Path file = dir.resolve("ca4-bson.mv");
        withStore(() -> new H2Backend(legacy.toString()), c -> c.insertOne(new Document("_id", "old")));
        withStore(() -> BsonH2Backend.open(file, dir.resolve("none.mv")), c -> c.insertOne(new Document("_id", "new")));

        withStore(() -> BsonH2Backend.open(file, legacy), c -> {
            assertEquals(1, c.countDocuments());
            assertEquals(1, c.countDocuments(new Document("_id", "new")));
        });
        assertTrue(Files.exists(legacy));
    }

    private static void assertDuplicatesRefused(MongoCollection<Document> c) {
        MongoWriteException sameId = assertThrows(MongoWriteException.class,
                () -> c.insertOne(new Document("_id", "event-7").append("segment", "other").append("row", 0)));
        assertEquals(ErrorCategory.DUPLICATE_KEY, sameId.getError().getCategory());
        MongoWriteException sameRow = assertThrows(MongoWriteException.class,
                () -> c.insertOne(new Document("_id", "fresh").append("segment", "seg-0").append("row", 7)));
        assertEquals(ErrorCategory.DUPLICATE_KEY, sameRow.getError().getCategory());
        assertEquals(DOCUMENTS, c.countDocuments());
        assertEquals("event-123", c.find(new Document("segment", "seg-0").append("row", 123)).first().get("_id"));
    }

    /** Every BSON type the worker stores, and a few it does not. */
    private static List<Document> documents() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            // float32 bytes as generic binary: the worker's form for this store (it refuses subtype 9)
            ByteBuffer vector = ByteBuffer.allocate(4 * 64).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < 64; j++) {
                vector.putFloat(i * 0.5f - j);
            }
            docs.add(new Document("_id", "event-" + i)
                    .append("segment", "seg-0").append("row", i)
                    .append("count", (long) i << 33).append("norm", Math.sqrt(i)).append("ok", i % 2 == 0)
                    .append("at", new Date(1_700_000_000_000L + i))
                    .append("embedding", new BsonBinary(vector.array()))
                    .append("uuid", new BsonBinary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
                    .append("gpu", new Document("name", "GPU " + i).append("memory_mb", 16_384).append("none", null))
                    .append("tags", List.of("a", i, List.of(1.5, "b")))
                    .append("oid", new ObjectId(new Date(1_700_000_000_000L), i)));
        }
        return docs;
    }

    private static List<RawBsonDocument> readAll(MongoCollection<Document> c) {
        return c.withDocumentClass(RawBsonDocument.class).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    /** Runs {@code work} against a server on {@code backend}, stops it (closing the file) and returns all documents. */
    private static List<RawBsonDocument> withStore(Supplier<MongoBackend> backend,
                                                   Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend.get());
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
                MongoCollection<Document> c = client.getDatabase("ca4").getCollection("gpu_metadata");
                work.accept(c);
                return readAll(c);
            }
        } finally {
            server.shutdownNow();
        }
    }
}
