package it.dev.ca4.worker;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.ca4.worker.deadletter.DeadLetterPolicy;
import dev.ca4.worker.store.BulkOutcome;
import dev.ca4.worker.store.BulkWriter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's write rule against the real store server: a document is inserted once; its redelivery is "already
 * present" and leaves the first copy as it was; a duplicate key of another unique index is an error the dead-letter
 * policy refuses. A collection of its own, so the pipeline's tests see none of these.
 */
class BulkWriterIT {
    private MongoCollection<Document> collection;

    @BeforeEach
    void collection() {
        collection = Stores.MONGO.getDatabase("ca4").getCollection("it_bulk_" + UUID.randomUUID().toString()
                .substring(0, 8));
    }

    @AfterEach
    void drop() {
        collection.drop();
    }

    private static Document doc(String id, String image) {
        return new Document("_id", id).append("image", image).append("copy", "first");
    }

    @Test
    void redeliveredDocumentsAreAlreadyPresentAndKeepTheirFirstCopy() {
        BulkOutcome first = BulkWriter.write(collection, List.of(doc("a", "1"), doc("b", "2")));
        assertEquals(Set.of(0, 1), first.inserted());
        BulkOutcome again = BulkWriter.write(collection, List.of(doc("a", "1").append("copy", "second"),
                doc("c", "3"), doc("b", "2").append("copy", "second")));
        assertEquals(Set.of(1), again.inserted(), "only c is new");
        assertEquals(Map.of(), again.errors(), "a redelivery is no error");
        assertEquals(3, collection.countDocuments());
        assertEquals("first", collection.find(new Document("_id", "a")).first().getString("copy"));
    }

    @Test
    void duplicateOfAnotherUniqueIndexIsRefusedNotPresent() {
        collection.createIndex(Indexes.ascending("image"), new IndexOptions().unique(true));
        BulkWriter.write(collection, List.of(doc("a", "1")));
        BulkOutcome outcome = BulkWriter.write(collection, List.of(doc("b", "1"), doc("c", "2")));
        assertEquals(Set.of(1), outcome.inserted());
        BulkOutcome.WriteError error = outcome.errors().get(0);
        assertEquals(11000, error.code());
        assertTrue(DeadLetterPolicy.storeError(error.code(), error.message()).isPresent(),
                "b can never be stored while that index holds image 1: " + error.message());
        assertEquals(2, collection.countDocuments());
    }
}
