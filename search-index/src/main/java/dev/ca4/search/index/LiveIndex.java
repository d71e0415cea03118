package dev.ca4.search.index;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.pq.KMeansPlusPlusClusterer;
import io.github.jbellis.jvector.pq.MutablePQVectors;
import io.github.jbellis.jvector.pq.ProductQuantization;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * A nearest-neighbour index that grows while it is searched (docs/similarity-search.md, "The live index"). Every
 * appended vector is searchable at once: the ordinals the graph does not cover yet (the tail) are scanned exactly,
 * the rest are searched in jvector's graph on product-quantized codes and reranked with the full vectors. A
 * background thread trains the quantizer once {@link Settings#trainingVectors} vectors are stored, then inserts
 * every vector into the graph, a batch at a time on every core, and moves the covered mark past each batch.
 */
public final class LiveIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveIndex.class.getName());
    private static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
    private static final int BATCH = 256;

    /**
     * @param ann             the graph's settings (degree, beam, PQ subspaces, rerank)
     * @param trainingVectors vectors stored before the quantizer is trained and the graph started; below it every
     *                        search is exact (which is also the best answer for a small collection)
     * @param threads         threads inserting into the graph
     * @param saveEveryMs     how often, at most, the graph is written to its file (when it has one); it is also
     *                        written when the index is closed
     */
    public record Settings(AnnIndex.Settings ann, int trainingVectors, int threads, long saveEveryMs) {
        public Settings {
            if (trainingVectors < 256) {
                throw new IllegalArgumentException("the quantizer needs at least 256 training vectors, not " + trainingVectors);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            if (saveEveryMs < 0) {
                throw new IllegalArgumentException("saveEveryMs must be 0 or more, not " + saveEveryMs);
            }
        }
    }

    private final VectorFile vectors;
    private final Settings settings;
    private final Path graphFile;
    private final ForkJoinPool pool;
    private final ScheduledExecutorService background;
    private volatile Graph graph;
    private volatile int covered;
    private volatile boolean scheduled;
    private volatile Throwable failure;
    private volatile boolean closed;
    /** Vectors durable in the caller's snapshot: the graph is written only while it covers no more than these. */
    private volatile int durable;
    /** Vectors whose graph came from the file at start, not from inserting them. */
    private volatile int reloaded;
    /** Nodes in the graph file, and when it was written (written by the background thread only). */
    private volatile int saved;
    private long savedAtNanos = System.nanoTime();
    private boolean saveRetryPending;

    /** The graph and the codes it is searched on, once the quantizer is trained. */
    private record Graph(MutablePQVectors codes, GraphIndexBuilder builder) {
    }

    /** An index without a graph file: the graph is built from the vectors (benchmarks, tests). */
    public LiveIndex(VectorFile vectors, Settings settings) {
        this(vectors, settings, null);
    }

    /**
     * An index whose graph is saved to {@code graphFile} and, if the file holds a graph of these settings over no
     * more vectors than the file has, reloaded from it in the background (searches are exact meanwhile) instead of
     * built again. Call {@link #durable} as the caller's snapshot grows: a graph over vectors the caller could lose
     * in a crash is never written.
     */
    public LiveIndex(VectorFile vectors, Settings settings, Path graphFile) {
        if (vectors.dimension() % settings.ann().pqSubspaces() != 0) {
            throw new IllegalArgumentException(settings.ann().pqSubspaces() + " PQ subspaces do not divide "
                    + vectors.dimension() + " dimensions");
        }
        this.vectors = vectors;
        this.settings = settings;
        this.graphFile = graphFile;
        // Background threads at the lowest priority: with -XX:ThreadPriorityPolicy=1 and
        // -XX:JavaPriority1_To_OSPriority=19 (search-war's jvm.options) they run at nice 19, on CPU nothing else
        // wants, so indexing never slows the feed, the queries or a pipeline sharing the machine.
        this.pool = new ForkJoinPool(settings.threads(), p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("ca4-search-graph-" + t.getPoolIndex());
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }, null, false);
        ScheduledThreadPoolExecutor single = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ca4-search-index");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        single.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() saves; a pending retry need not
        this.background = single;
        if (graphFile != null && Files.exists(graphFile)) {
            scheduled = true; // nothing is inserted before the file is read
            background.execute(this::reload);
        }
        schedule();
    }

    /** Stores the vector (normalized) and returns its ordinal; it is searchable when this returns. */
    public int append(float[] vector) throws IOException {
        int ordinal = vectors.append(vector);
        schedule();
        return ordinal;
    }

    public int size() {
        return vectors.size();
    }

    public int dimension() {
        return vectors.dimension();
    }

    /** Ordinals below this are in the graph; the others are scanned exactly. */
    public int covered() {
        return covered;
    }

    /** Vectors whose graph was reloaded from the graph file at start (0 when it was built, or is being). */
    public int reloaded() {
        return reloaded;
    }

    /** Vectors the graph file holds (0 before the first save). */
    public int saved() {
        return saved;
    }

    /** The unit vector stored at this ordinal. */
    public float[] vector(int ordinal) {
        return vectors.get(ordinal);
    }

    /** Why the background indexing stopped, if it did (searches stay correct: the tail is scanned). */
    public Throwable failure() {
        return failure;
    }

    /** The k nearest by cosine among the ordinals {@code accept} lets through, best first. */
    public List<Hit> search(float[] query, int k, IntPredicate accept) {
        if (query.length != vectors.dimension()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the index " + vectors.dimension());
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        float[] unit = Cosine.normalized(query);
        Graph g = graph;
        int c = g == null ? 0 : covered; // read before size: every ordinal below size is then in one of the two parts
        int n = vectors.size();
        List<Hit> hits = new ArrayList<>(ExactSearch.searchUnit(vectors, unit, k, c, n, accept));
        if (c > 0) {
            hits.addAll(searchGraph(g, unit, k, ordinal -> ordinal < c && accept.test(ordinal)));
        }
        hits.sort(ExactSearch.BEST_FIRST);
        Set<Integer> seen = new HashSet<>();
        List<Hit> best = new ArrayList<>(k);
        for (Hit h : hits) {
            if (best.size() < k && seen.add(h.ordinal())) {
                best.add(h);
            }
        }
        return best;
    }

    private List<Hit> searchGraph(Graph g, float[] unit, int k, IntPredicate accept) {
        VectorFloat<?> q = VTS.createFloatVector(unit);
        ScoreFunction.ApproximateScoreFunction approximate = g.codes().precomputedScoreFunctionFor(q, SIMILARITY);
        ScoreFunction.ExactScoreFunction exact = node -> (1 + vectors.dot(node, unit)) / 2;
        // A searcher per query: the graph grows under it, and a searcher's view is taken when it is made.
        try (GraphSearcher searcher = new GraphSearcher(g.builder().getGraph())) {
            SearchResult result = searcher.search(new SearchScoreProvider(approximate, exact), k,
                    Math.max(k, settings.ann().rerank()), 0f, 0f, accept::test);
            List<Hit> hits = new ArrayList<>(result.getNodes().length);
            for (SearchResult.NodeScore s : result.getNodes()) {
                hits.add(new Hit(s.node, Cosine.fromScore(s.score)));
            }
            return ExactRefinement.refine(g.builder().getGraph(), vectors, unit, k, hits, accept,
                    settings.ann().refineWidth(), settings.ann().refineExpansions(), approximate);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Bytes of heap the graph and the codes take (the full vectors are in the file's pages, not counted). */
    public long ramBytesUsed() {
        Graph g = graph;
        return g == null ? 0 : g.builder().getGraph().ramBytesUsed() + g.codes().ramBytesUsed();
    }

    /** Blocks until the graph covers every vector stored when called, or the timeout passes; true if it does. */
    public boolean awaitCovered(long timeoutMillis) throws InterruptedException {
        int target = vectors.size();
        if (target < settings.trainingVectors()) {
            return failure == null; // no graph below the training size: nothing to wait for
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (covered < target && failure == null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return failure == null;
    }

    /**
     * The caller's snapshot now holds the first {@code vectors} vectors durably; a graph over no more than these
     * may be written (on the background thread, between insert batches).
     */
    public void durable(int vectors) {
        durable = Math.max(durable, vectors);
        if (graphFile != null && !closed && !scheduled) {
            try {
                background.execute(() -> saveIfDue(false));
            } catch (RejectedExecutionException e) {
                // closing: close() writes the graph
            }
        }
    }

    /** Background thread only, while no insert runs. */
    private void saveIfDue(boolean closing) {
        Graph g = graph;
        int nodes = covered;
        if (graphFile == null || g == null || nodes <= saved || nodes > durable || failure != null) {
            return;
        }
        long wait = TimeUnit.MILLISECONDS.toNanos(settings.saveEveryMs()) - (System.nanoTime() - savedAtNanos);
        if (!closing && wait > 0) {
            if (!saveRetryPending && !closed) { // saved recently: try again when due, even if nothing else happens
                try {
                    background.schedule(() -> {
                        saveRetryPending = false;
                        saveIfDue(false);
                    }, wait, TimeUnit.NANOSECONDS);
                    saveRetryPending = true;
                } catch (RejectedExecutionException e) {
                    // closing: close() saves
                }
            }
            return;
        }
        long start = System.nanoTime();
        try {
            GraphFile.write(graphFile, new GraphFile.Header(vectors.dimension(), nodes, settings.ann().maxDegree(),
                    settings.ann().pqSubspaces()), g.codes().getCompressor(), g.builder().getGraph());
            saved = nodes;
            LOG.fine(() -> String.format("similarity graph of %d vectors saved in %.2f s", nodes,
                    (System.nanoTime() - start) / 1e9));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not save the similarity graph to " + graphFile
                    + "; a restart will rebuild what the file lacks", e);
        } finally {
            savedAtNanos = System.nanoTime(); // a failing disk is tried again only after the interval
        }
    }

    /** Background thread, first task: the graph from its file, or nothing (then it is built from the vectors). */
    private void reload() {
        long start = System.nanoTime();
        try {
            GraphFile.Reader file = new GraphFile.Reader(graphFile);
            GraphFile.Header h = file.header();
            GraphFile.Header expected = new GraphFile.Header(vectors.dimension(), h.nodes(),
                    settings.ann().maxDegree(), settings.ann().pqSubspaces());
            if (!h.equals(expected)) {
                throw new IOException("it was built with " + h + ", this index uses " + expected);
            }
            if (h.nodes() > vectors.size() || h.nodes() < 1) {
                throw new IOException("its graph holds " + h.nodes() + " vectors, the vectors file " + vectors.size());
            }
            Graph g = newGraph(file.quantizer());
            int n = h.nodes();
            g.codes().setZero(n - 1); // sizes the code storage once: the encodes below then write disjoint slots
            pool.submit(() -> IntStream.range(0, n).parallel()
                    .forEach(i -> g.codes().encodeAndSet(i, vectors.getVector(i)))).get();
            g.builder().load(file.graph()); // rescores each saved list exactly: 32 dot products a node
            if (g.builder().getGraph().size() != n) {
                throw new IOException("its graph has " + g.builder().getGraph().size() + " nodes, not " + n);
            }
            graph = g;
            covered = n;
            saved = n;
            reloaded = n;
            durable = Math.max(durable, n);
            LOG.info(String.format("similarity graph of %d vectors reloaded from %s in %.1f s", n, graphFile,
                    (System.nanoTime() - start) / 1e9));
        } catch (Exception e) {
            if (closed) {
                return;
            }
            LOG.warning("not reusing the similarity graph in " + graphFile + " (" + e.getMessage()
                    + "); it is built again from the vectors"); // graph and covered were set only on success
        } finally {
            scheduled = false;
        }
        schedule();
    }

    private void schedule() {
        if (!scheduled && !closed && failure == null && vectors.size() >= settings.trainingVectors() && covered < vectors.size()) {
            scheduled = true;
            background.execute(this::catchUp);
        }
    }

    private void catchUp() {
        try {
            while (!closed && covered < vectors.size()) {
                Graph g = graph == null ? train() : graph;
                int from = covered;
                // A bounded batch: the covered mark, and so the share of queries the graph answers, moves steadily.
                int to = Math.min(vectors.size(), from + BATCH);
                VectorFloat<?>[] batch = new VectorFloat<?>[to - from];
                // codes first, one thread: a query's graph search scores every node it reaches by its code
                for (int i = from; i < to; i++) {
                    batch[i - from] = vectors.getVector(i);
                    g.codes().encodeAndSet(i, batch[i - from]);
                }
                pool.submit(() -> IntStream.range(from, to).parallel()
                        .forEach(i -> g.builder().addGraphNode(i, batch[i - from]))).get();
                covered = to;
                saveIfDue(false); // between batches: nothing is being inserted
            }
        } catch (Throwable t) {
            if (closed) {
                return; // interrupted by close()
            }
            failure = t;
            LOG.log(Level.SEVERE, "the similarity graph stopped growing at " + covered
                    + " vectors; the rest is searched exactly", t);
        } finally {
            scheduled = false;
        }
        schedule(); // vectors appended after the last check
    }

    private Graph train() throws Exception {
        int n = vectors.size();
        long start = System.nanoTime();
        RandomAccessVectorValues sample = new Prefix(vectors, n);
        ProductQuantization pq = pool.submit(() -> ProductQuantization.compute(sample, settings.ann().pqSubspaces(),
                256, false, KMeansPlusPlusClusterer.UNWEIGHTED, pool, pool)).get();
        LOG.info(String.format("similarity quantizer trained on %d vectors in %.1f s", n, (System.nanoTime() - start) / 1e9));
        graph = newGraph(pq);
        return graph;
    }

    /** An empty graph, linked on exact scores ({@link ExactBuildScores}), searched on codes of this quantizer. */
    private Graph newGraph(ProductQuantization pq) {
        return new Graph(new MutablePQVectors(pq), new GraphIndexBuilder(new ExactBuildScores(vectors),
                vectors.dimension(), settings.ann().maxDegree(), settings.ann().beamWidth(), 1.2f, 1.2f, pool, pool));
    }

    @Override
    public void close() throws Exception {
        closed = true; // the insert loop stops after its batch; the graph is then written, if it may be
        background.execute(() -> saveIfDue(true));
        background.shutdown();
        if (!background.awaitTermination(60, TimeUnit.SECONDS)) {
            background.shutdownNow();
            background.awaitTermination(10, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        Graph g = graph;
        if (g != null) {
            g.builder().close();
        }
    }

    /** The first n vectors of a file that keeps growing: what the quantizer is trained on. */
    private record Prefix(VectorFile vectors, int size) implements RandomAccessVectorValues {
        @Override
        public int dimension() {
            return vectors.dimension();
        }

        @Override
        public VectorFloat<?> getVector(int ordinal) {
            return vectors.getVector(ordinal);
        }

        @Override
        public boolean isValueShared() {
            return false;
        }

        @Override
        public RandomAccessVectorValues copy() {
            return this;
        }
    }
}
