package dev.ca4.worker.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
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
 * One unordered bulk upsert per batch. Per-item write errors with a data cause (document too large, failed
 * validation) come back as {@link BulkOutcome#dataErrors()}; anything else (no server, timeout, write concern)
 * is thrown so the caller retries the whole batch, which is safe because every write is idempotent.
 */
@ApplicationScoped
public class BulkWriter {

    /** Server error codes retrying cannot fix. */
    private static final Set<Integer> DATA_ERROR_CODES = Set.of(2, 9, 10334, 17419, 121, 17280, 16755, 52, 56, 57);

    @Inject
    MongoStore store;

    public BulkOutcome write(List<Document> docs) {
        List<WriteModel<Document>> models = docs.stream().map(WriteModelFactory::insertIfAbsent).toList();
        try {
            BulkWriteResult r = store.collection().bulkWrite(models, new BulkWriteOptions().ordered(false));
            return outcome(docs.size(), r, Map.of());
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            Map<Integer, String> dataErrors = new HashMap<>();
            for (BulkWriteError err : e.getWriteErrors()) {
                if (!DATA_ERROR_CODES.contains(err.getCode())) {
                    throw e; // transient or unknown: retry the batch
                }
                dataErrors.put(err.getIndex(), "store refused the document: code " + err.getCode() + ", "
                        + err.getMessage());
            }
            return outcome(docs.size(), e.getWriteResult(), dataErrors);
        }
    }

    private static BulkOutcome outcome(int n, BulkWriteResult r, Map<Integer, String> dataErrors) {
        Set<Integer> inserted = new HashSet<>();
        for (BulkWriteUpsert u : r.getUpserts()) {
            inserted.add(u.getIndex());
        }
        Set<Integer> duplicates = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!inserted.contains(i) && !dataErrors.containsKey(i)) {
                duplicates.add(i);
            }
        }
        return new BulkOutcome(inserted, duplicates, dataErrors);
    }
}
