package dev.ca4.bench.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
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

    /** Empties the collection between drain runs (the bench's own stack: make run's data is elsewhere). */
    public void drop() {
        collection.drop();
    }

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
        return latencies(eventId).map(l -> OptionalLong.of(l.endToEnd())).orElse(OptionalLong.empty());
    }

    /** The worker's {@code latency_ms} of one stored event, or empty when it is not stored (yet). */
    public Optional<StoredLatency> latencies(String eventId) {
        Document d = collection.find(Filters.eq("_id", eventId)).projection(Projections.include("latency_ms"))
                .first();
        Document l = d == null ? null : d.get("latency_ms", Document.class);
        if (l == null || !(l.get("end_to_end") instanceof Number e2e)) {
            return Optional.empty();
        }
        return Optional.of(new StoredLatency(e2e.longValue(), millisOrMinusOne(l.get("ingest")),
                millisOrMinusOne(l.get("pipeline"))));
    }

    private static long millisOrMinusOne(Object v) {
        return v instanceof Number n ? n.longValue() : -1;
    }

    /**
     * One stored event's latency split where the processor stamped {@code received_at}: {@code ingest} is
     * produced_at → received_at (the client's queue, the network, the processor's HTTP queue), {@code pipeline}
     * received_at → stored_at (validation, Kafka, the worker); -1 where the event had no received_at.
     */
    public record StoredLatency(long endToEnd, long ingest, long pipeline) {
    }

    @Override
    public void close() {
        client.close();
    }
}
