package dev.ca4.worker.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * An idempotent upsert keyed by {@code _id = event_id}: {@code $setOnInsert} writes the document only if no
 * document has that id, so a replayed or redelivered event neither duplicates nor rewrites the first copy.
 * ($setOnInsert with upsert is supported by Amazon DocumentDB.)
 */
public final class WriteModelFactory {

    private WriteModelFactory() {
    }

    public static WriteModel<Document> insertIfAbsent(Document doc) {
        Document fields = new Document(doc);
        Object id = fields.remove("_id");
        return new UpdateOneModel<>(Filters.eq("_id", id), new Document("$setOnInsert", fields),
                new UpdateOptions().upsert(true));
    }
}
