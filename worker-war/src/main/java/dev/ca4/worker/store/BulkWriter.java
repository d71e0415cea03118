package dev.ca4.worker.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ReadPreference;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One unordered bulk insert per segment run (mongo-kafka's bulkWriteBatch), idempotent through the unique
 * {@code _id = event_id}: a document whose id is already stored is refused with a duplicate-key error (11000)
 * and counts as already present, so a redelivered event is neither stored twice nor rewritten. A plain insert
 * costs the server less than an upsert with {@code $setOnInsert} (no query, no update document: bench/README.md,
 * "The sink, second round"). Every other per-document error comes back in the {@link BulkOutcome} for the
 * dead-letter policy to judge; a failure of the whole write (no server, timeout, write concern) is thrown, and the
 * caller retries the run, which is safe because every write is idempotent.
 */
@ApplicationScoped
public class BulkWriter {
    static final int DUPLICATE_KEY = 11000;

    @Inject
    MongoStore store;

    public BulkOutcome write(List<Document> docs) {
        return write(store.collection(), docs);
    }

    /** The same write into any collection (the archive restore uses it). */
    public static BulkOutcome write(MongoCollection<Document> collection, List<Document> docs) {
        List<InsertOneModel<Document>> models = docs.stream().map(InsertOneModel::new).toList();
        Map<Integer, BulkOutcome.WriteError> errors = new HashMap<>();
        Set<Integer> present = new HashSet<>();
        try {
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            Map<Integer, BulkWriteError> duplicateKeys = new HashMap<>();
            for (BulkWriteError err : e.getWriteErrors()) {
                if (err.getCode() == DUPLICATE_KEY) {
                    duplicateKeys.put(err.getIndex(), err);
                } else {
                    errors.put(err.getIndex(), new BulkOutcome.WriteError(err.getCode(), err.getMessage()));
                }
            }
            present = alreadyStored(collection, docs, duplicateKeys, errors);
        }
        Set<Integer> inserted = new HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            if (!errors.containsKey(i) && !present.contains(i)) {
                inserted.add(i);
            }
        }
        return new BulkOutcome(docs.size(), inserted, errors);
    }

    /**
     * Of the documents refused with a duplicate key, those whose {@code _id} is stored: already present. Servers
     * word the error differently, so the ids are looked up (one query on the primary, which holds every
     * acknowledged write, only when duplicates occur); a duplicate key of another unique index (a user's) stays an
     * error, as the store refused the document.
     */
    private static Set<Integer> alreadyStored(MongoCollection<Document> collection, List<Document> docs,
                                              Map<Integer, BulkWriteError> duplicateKeys,
                                              Map<Integer, BulkOutcome.WriteError> errors) {
        if (duplicateKeys.isEmpty()) {
            return Set.of();
        }
        List<Object> ids = new ArrayList<>();
        duplicateKeys.keySet().forEach(i -> ids.add(docs.get(i).get("_id")));
        Set<Object> stored = new HashSet<>();
        collection.withReadPreference(ReadPreference.primary()).find(Filters.in("_id", ids)).projection(Projections.include("_id"))
                .forEach(d -> stored.add(d.get("_id")));
        Set<Integer> present = new HashSet<>();
        duplicateKeys.forEach((i, err) -> {
            if (stored.contains(docs.get(i).get("_id"))) {
                present.add(i);
            } else {
                errors.put(i, new BulkOutcome.WriteError(err.getCode(), err.getMessage()));
            }
        });
        return present;
    }
}
