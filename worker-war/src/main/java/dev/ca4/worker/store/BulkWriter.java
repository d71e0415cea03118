package dev.ca4.worker.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One unordered bulk insert-if-absent per segment (mongo-kafka's bulkWriteBatch). Per-document errors come back in
 * the {@link BulkOutcome} for the dead-letter policy to judge; a failure of the whole write (no server, timeout,
 * write concern) is thrown, and the caller retries the segment, which is safe because every write is idempotent.
 */
@ApplicationScoped
public class BulkWriter {

    @Inject
    MongoStore store;

    public BulkOutcome write(List<Document> docs) {
        return write(store.collection(), docs);
    }

    /** The same write into any collection (the archive restore uses it). */
    public static BulkOutcome write(MongoCollection<Document> collection, List<Document> docs) {
        List<WriteModel<Document>> models = docs.stream().map(WriteModelFactory::insertIfAbsent).toList();
        try {
            BulkWriteResult r = collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
            return outcome(docs.size(), r, Map.of());
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            Map<Integer, BulkOutcome.WriteError> errors = new HashMap<>();
            for (BulkWriteError err : e.getWriteErrors()) {
                errors.put(err.getIndex(), new BulkOutcome.WriteError(err.getCode(), err.getMessage()));
            }
            return outcome(docs.size(), e.getWriteResult(), errors);
        }
    }

    private static BulkOutcome outcome(int n, BulkWriteResult r, Map<Integer, BulkOutcome.WriteError> errors) {
        Set<Integer> inserted = new HashSet<>();
        for (BulkWriteUpsert u : r.getUpserts()) {
            inserted.add(u.getIndex());
        }
        return new BulkOutcome(n, inserted, errors);
    }
}
