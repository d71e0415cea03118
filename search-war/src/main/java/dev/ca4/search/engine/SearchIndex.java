package dev.ca4.search.engine;

import dev.ca4.search.catalog.Catalog;
import dev.ca4.search.catalog.Entry;
import dev.ca4.search.catalog.Filter;
import dev.ca4.search.index.Hit;
import dev.ca4.search.index.LiveIndex;
import dev.ca4.search.index.QueryGate;
import dev.ca4.search.index.VectorFile;
import dev.ca4.search.snapshot.Checkpoint;
import dev.ca4.search.snapshot.CheckpointFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.logging.Logger;

/**
 * The service's index and its snapshot on disk (docs/similarity-search.md, "The service"): the vectors
 * ({@link LiveIndex} over vectors.f32), what each one is ({@link Catalog}, catalog.jsonl) and the topic offsets both
 * cover (checkpoint.json), and the graph over the checkpointed vectors (graph.bin, written by {@link LiveIndex} at
 * most every {@code ca4.search.graph-save-ms}, reloaded on start). One writer (the feed) adds and checkpoints; any number of threads query. An ordinal is
 * answered only once its catalog entry is published, so a query never sees a vector without its event.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());
    static final String VECTORS = "vectors.f32";
    static final String CATALOG = "catalog.jsonl";
    static final String CHECKPOINT = "checkpoint.json";
    static final String GRAPH = "graph.bin";

    /** What {@link #add} did with an event. */
    public enum Added { INDEXED, DUPLICATE }

    private final VectorFile vectors;
    private final LiveIndex index;
    private final Catalog catalog;
    private final QueryGate gate;
    private final CheckpointFile checkpointFile;
    private final Checkpoint loaded;
    private volatile Checkpoint last;

    private SearchIndex(VectorFile vectors, LiveIndex index, QueryGate gate, Catalog catalog,
                        CheckpointFile checkpointFile, Checkpoint loaded) {
        this.vectors = vectors;
        this.gate = gate;
        this.index = index;
        this.catalog = catalog;
        this.checkpointFile = checkpointFile;
        this.loaded = loaded;
        this.last = loaded;
    }

    /**
     * Opens the snapshot in {@code dir} for this topic: what its checkpoint covers is kept (anything written after
     * it is dropped, to be read again from the topic), and a snapshot of another topic (the id differs: the topic
     * was deleted and made again, e.g. a fresh local stack) or of another dimension is discarded and rebuilt.
     * At most {@code maxConcurrentQueries} searches run at once, the rest queued ({@link QueryGate}; 0 = one per core).
     */
    public static SearchIndex open(Path dir, int dimension, LiveIndex.Settings settings, int maxConcurrentQueries,
                                   String topic, String topicId) throws IOException {
        Files.createDirectories(dir);
        CheckpointFile checkpointFile = new CheckpointFile(dir.resolve(CHECKPOINT));
        Optional<Checkpoint> found = checkpointFile.read();
        Checkpoint start = Checkpoint.empty(topic, topicId);
        String discard = null;
        if (found.isEmpty()) {
            discard = Files.exists(dir.resolve(VECTORS)) ? "it has no checkpoint" : null;
        } else if (!topic.equals(found.get().topic()) || !topicId.equals(found.get().topicId())) {
            discard = "it indexes topic " + found.get().topic() + " (id " + found.get().topicId() + "), not " + topic
                    + " (id " + topicId + ")";
        } else if (!Files.exists(dir.resolve(VECTORS)) || Files.size(dir.resolve(VECTORS)) % (4L * dimension) != 0
                || Files.size(dir.resolve(VECTORS)) / (4L * dimension) < found.get().vectors()) {
            discard = "its vectors are not " + found.get().vectors() + " of " + dimension + " dimensions";
        } else {
            start = found.get();
        }
        if (discard != null) {
            LOG.warning("discarding the snapshot in " + dir + ": " + discard + "; the index is rebuilt from the topic");
            for (String f : List.of(VECTORS, CATALOG, CHECKPOINT, GRAPH)) {
                Files.deleteIfExists(dir.resolve(f));
            }
        }
        VectorFile vectors = new VectorFile(dir.resolve(VECTORS), dimension);
        vectors.truncate(start.vectors());
        Catalog catalog;
        try {
            catalog = new Catalog(dir.resolve(CATALOG), start.catalogBytes());
            if (catalog.size() != start.vectors()) {
                catalog.close();
                throw new IOException(dir.resolve(CATALOG) + " holds " + catalog.size() + " entries, its checkpoint "
                        + start.vectors());
            }
        } catch (IOException e) {
            vectors.close();
            throw new IOException(e.getMessage() + "; delete " + dir + " to rebuild the index from the topic", e);
        }
        LOG.info("search index opened in " + dir + ": " + start.vectors() + " vectors, resuming " + topic + " at "
                + start.offsets());
        LiveIndex index = new LiveIndex(vectors, settings, dir.resolve(GRAPH));
        index.durable(start.vectors());
        return new SearchIndex(vectors, index, new QueryGate(maxConcurrentQueries), catalog, checkpointFile, start);
    }

    /** The checkpoint the index was opened at: where the feed resumes. */
    public Checkpoint loaded() {
        return loaded;
    }

    public Checkpoint lastCheckpoint() {
        return last;
    }

    /** Indexes the event's vector, unless its event_id is indexed already (a redelivery or a resend). */
    public Added add(Entry entry, float[] vector) throws IOException {
        if (catalog.contains(entry.eventId())) {
            return Added.DUPLICATE;
        }
        index.append(vector);
        catalog.append(entry); // publishes the ordinal to queries
        return Added.INDEXED;
    }

    /** Makes everything added durable, then records that it covers the topic up to these next offsets. */
    public void checkpoint(Map<Integer, Long> nextOffsets) throws IOException {
        vectors.force();
        catalog.force();
        Checkpoint c = new Checkpoint(last.topic(), last.topicId(), nextOffsets, catalog.size(), catalog.bytes());
        checkpointFile.write(c);
        last = c;
        index.durable(c.vectors()); // the graph over these may now be saved: a restart keeps them
    }

    /** The k nearest indexed events to the vector that pass the filter, best first. */
    public List<Neighbour> search(float[] vector, int k, Filter filter) {
        return search(vector, k, filter, -1);
    }

    /** The k nearest to an indexed event (itself left out), or empty when the event_id is not indexed. */
    public Optional<List<Neighbour>> similar(String eventId, int k, Filter filter) {
        return catalog.ordinalOf(eventId).map(ordinal -> search(index.vector(ordinal), k, filter, ordinal));
    }

    private List<Neighbour> search(float[] vector, int k, Filter filter, int exclude) {
        int published = catalog.size();
        IntPredicate accept = filter.isEmpty()
                ? o -> o < published && o != exclude
                : o -> o < published && o != exclude && filter.matches(catalog.get(o));
        List<Neighbour> out = new ArrayList<>(k);
        for (Hit h : gate.run(() -> index.search(vector, k, accept))) {
            out.add(new Neighbour(catalog.get(h.ordinal()), h.cosine()));
        }
        return out;
    }

    /** What the index keeps of an indexed event. */
    public Optional<Entry> entry(String eventId) {
        return catalog.ordinalOf(eventId).map(catalog::get);
    }

    public boolean contains(String eventId) {
        return catalog.contains(eventId);
    }

    public int size() {
        return catalog.size();
    }

    /** Vectors the graph covers (the rest are scanned exactly). */
    public int inGraph() {
        return Math.min(index.covered(), catalog.size());
    }

    public int dimension() {
        return index.dimension();
    }

    /** Vectors in the saved graph file (graph.bin). */
    public int graphSaved() {
        return index.saved();
    }

    /** Vectors whose graph was reloaded from graph.bin at start, rather than built. */
    public int graphReloaded() {
        return index.reloaded();
    }

    public long ramBytesUsed() {
        return index.ramBytesUsed();
    }

    public Throwable indexFailure() {
        return index.failure();
    }

    @Override
    public void close() throws Exception {
        index.close();
        catalog.close();
        vectors.close();
    }
}
