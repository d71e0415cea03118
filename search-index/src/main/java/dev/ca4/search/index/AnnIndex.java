package dev.ca4.search.index;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.pq.KMeansPlusPlusClusterer;
import io.github.jbellis.jvector.pq.PQVectors;
import io.github.jbellis.jvector.pq.ProductQuantization;
import io.github.jbellis.jvector.util.ExplicitThreadLocal;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;

/**
 * Approximate nearest neighbours by cosine over the vectors of a {@link VectorFile}: jvector's graph (Vamana),
 * linked on exact scores ({@link ExactBuildScores}) and searched on product-quantized codes held in RAM, the best
 * candidates reranked with the full vectors read from the file, then refined by an exact walk from the best ones
 * when the codes ranked them coarsely ({@link ExactRefinement}, docs/similarity-search.md). Thread-safe for searches
 * once built.
 */
public final class AnnIndex implements AutoCloseable {
    /**
     * How the index is built and searched; {@link #defaults()} are what the measurements chose.
     *
     * @param rerank           the graph search's candidates, reranked with the full vectors
     * @param refineWidth      how many of the best answers the exact refinement expands ({@link ExactRefinement}),
     *                         at least k
     * @param refineExpansions most neighbour lists the exact refinement reads per query; 0 turns it off
     */
    public record Settings(int maxDegree, int beamWidth, int pqSubspaces, int rerank, int refineWidth,
                           int refineExpansions) {
        public static Settings defaults() {
            return new Settings(32, 100, 128, 64, 20, 60);
        }
    }

    private static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;
    /** Centroids per PQ subspace: one byte per subspace in the codes. */
    private static final int PQ_CENTROIDS = 256;

    private final VectorFile vectors;
    private final Settings settings;
    private final PQVectors codes;
    private final OnHeapGraphIndex graph;
    private final ExplicitThreadLocal<GraphSearcher> searchers;

    private AnnIndex(VectorFile vectors, Settings settings, PQVectors codes, OnHeapGraphIndex graph) {
        this.vectors = vectors;
        this.settings = settings;
        this.codes = codes;
        this.graph = graph;
        this.searchers = ExplicitThreadLocal.withInitial(() -> new GraphSearcher(graph));
    }

    /**
     * Trains the quantizer on the stored vectors and encodes them (the codes guide searches), and builds the graph on
     * exact scores ({@link ExactBuildScores}).
     */
    public static AnnIndex build(VectorFile vectors, Settings settings) throws IOException {
        if (vectors.size() == 0) {
            throw new IllegalArgumentException("no vectors to index");
        }
        if (vectors.size() < PQ_CENTROIDS) {
            throw new IllegalArgumentException("the quantizer trains " + PQ_CENTROIDS + " centroids per subspace: "
                    + "it needs at least " + PQ_CENTROIDS + " vectors, not " + vectors.size());
        }
        if (vectors.dimension() % settings.pqSubspaces() != 0) {
            throw new IllegalArgumentException(settings.pqSubspaces() + " PQ subspaces do not divide " + vectors.dimension() + " dimensions");
        }
        // Every core: jvector's default pools take half the processors (it assumes two hyper-threads per core),
        // which on a 2-vCPU machine is one thread.
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            ProductQuantization pq = ProductQuantization.compute(vectors, settings.pqSubspaces(), PQ_CENTROIDS, false,
                    KMeansPlusPlusClusterer.UNWEIGHTED, pool, pool);
            PQVectors codes = (PQVectors) pq.encodeAll(vectors, pool);
            try (GraphIndexBuilder builder = new GraphIndexBuilder(new ExactBuildScores(vectors), vectors.dimension(),
                    settings.maxDegree(), settings.beamWidth(), 1.2f, 1.2f, pool, pool)) {
                OnHeapGraphIndex graph = builder.build(vectors);
                return new AnnIndex(vectors, settings, codes, graph);
            }
        } finally {
            pool.shutdown();
        }
    }

    public int size() {
        return graph.size();
    }

    /** The k nearest by cosine, best first, among the ordinals {@code accept} lets through. */
    public List<Hit> search(float[] query, int k, IntPredicate accept) {
        if (query.length != vectors.dimension()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the index " + vectors.dimension());
        }
        float[] unit = Cosine.normalized(query);
        VectorFloat<?> q = VectorizationProvider.getInstance().getVectorTypeSupport().createFloatVector(unit);
        ScoreFunction.ApproximateScoreFunction approximate = codes.precomputedScoreFunctionFor(q, SIMILARITY);
        ScoreFunction.ExactScoreFunction exact = node -> (1 + vectors.dot(node, unit)) / 2;
        SearchResult result = searchers.get().search(new SearchScoreProvider(approximate, exact), k,
                Math.max(k, settings.rerank()), 0f, 0f, accept::test);
        List<Hit> hits = new ArrayList<>(result.getNodes().length);
        for (SearchResult.NodeScore n : result.getNodes()) {
            hits.add(new Hit(n.node, Cosine.fromScore(n.score)));
        }
        return ExactRefinement.refine(graph, vectors, unit, k, hits, accept, settings.refineWidth(),
                settings.refineExpansions(), approximate);
    }

    public List<Hit> search(float[] query, int k) {
        return search(query, k, ordinal -> true);
    }

    /** Bytes of heap the graph and the codes take (the full vectors are in the file, not counted). */
    public long ramBytesUsed() {
        return graph.ramBytesUsed() + codes.ramBytesUsed();
    }

    @Override
    public void close() throws Exception {
        searchers.close();
        graph.close();
    }
}
