package dev.ca4.bench.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.Collection;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The worker's collection, read the only cheap ways the local store allows (no secondary indexes): the
 * collection's own count and finds by {@code _id}.
 */
public final class EventStore implements AutoCloseable {
    private final MongoClient client;
    private final MongoCollection<Document> collection;

    public EventStore(String uri, String database, String collection) {
        this.client = MongoClients.create(uri);
        this.collection = client.getDatabase(database).getCollection(collection);
    }

    public long count() {
        return collection.estimatedDocumentCount();
    }

    /**
     * How many documents carry each _id: one find of the whole collection with only _id projected (the chaos
     * harness compares it with the ids it was told were accepted). _id is the primary key, so any count above
     * one would mean the store broke it.
     */
    public java.util.Map<String, Integer> idCopies() {
        java.util.Map<String, Integer> copies = new java.util.HashMap<>();
        for (Document d : collection.find().projection(Projections.include("_id"))) {
            copies.merge(String.valueOf(d.get("_id")), 1, Integer::sum);
        }
        return copies;
    }

    /** Empties the collection between drain runs (the bench's own stack: make run's data is elsewhere). */
    /** Where each document says its event is archived: _id -> (segment key, row); absent when not archived. */
    public java.util.Map<String, java.util.Map.Entry<String, Integer>> archivePlaces() {
        java.util.Map<String, java.util.Map.Entry<String, Integer>> out = new java.util.HashMap<>();
        for (Document d : collection.find().projection(Projections.include("archive.segment", "archive.row"))) {
            Document a = d.get("archive", Document.class);
            if (a != null) {
                out.put(String.valueOf(d.get("_id")), java.util.Map.entry(a.getString("segment"), a.getInteger("row")));
            }
        }
        return out;
    }

    /** BSON bytes of one stored document (the newest is no cheaper to find here: any will do), or -1 if none. */
    public int oneDocumentBytes() {
        org.bson.RawBsonDocument d = collection.withDocumentClass(org.bson.RawBsonDocument.class).find().first();
        return d == null ? -1 : d.getByteBuffer().remaining();
    }

    public void drop() {
        collection.drop();
    }

    /** Whether the event's document can be read (by _id, as a client would). */
    /** Which of {@code eventIds} are stored: one query, whatever their number. */
    public Set<String> existing(Collection<String> eventIds) {
        Set<String> found = new HashSet<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        for (Document d : collection.find(Filters.in("_id", eventIds)).projection(Projections.include("_id"))) {
            found.add(String.valueOf(d.get("_id")));
        }
        return found;
    }

    /** {@code latency_ms.end_to_end} of one stored event: stored_at − produced_at, as the worker measured it. */
    public OptionalLong endToEndMillis(String eventId) {
        Document d = collection.find(Filters.eq("_id", eventId)).projection(Projections.include("latency_ms"))
                .first();
        if (d == null) {
            return OptionalLong.empty();
        }
        Object v = d.get("latency_ms", Document.class).get("end_to_end");
        return v instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    @Override
    public void close() {
        client.close();
    }
}
