package dev.ca4.search.index;

import io.github.jbellis.jvector.graph.GraphIndex;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.pq.KMeansPlusPlusClusterer;
import io.github.jbellis.jvector.pq.PQVectors;
import io.github.jbellis.jvector.pq.ProductQuantization;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExactBuildScoresTest {
    private static final int DIM = 64;
    private static final int COUNT = 1500;

    @TempDir
    static Path tmp;
    static VectorFile vectors;
    static ExactBuildScores scores;

    /** Vectors with a large common part (cosine ~0.95 between any two), as untrained ResNet50's embeddings are. */
    @BeforeAll
    static void store() throws Exception {
        SyntheticVectors spread = new SyntheticVectors(DIM, 30, 0.6, 0.3, 5);
        vectors = new VectorFile(tmp.resolve("v.f32"), DIM);
        for (int i = 0; i < COUNT; i++) {
            vectors.append(AnnIndexTest.shifted(spread.vector(i)));
        }
        scores = new ExactBuildScores(vectors);
    }

    @AfterAll
    static void close() throws Exception {
        vectors.close();
    }

    @Test
    void aNodesScoresAreTheCosinesOfTheStoredVectorsAndTheSameFromEitherEnd() {
        ScoreFunction from3 = scores.searchProviderFor(3).scoreFunction();
        ScoreFunction from8 = scores.diversityProviderFor(8).scoreFunction();
        assertTrue(from3.isExact());
        assertEquals((1 + Cosine.dot(vectors.get(3), vectors.get(8))) / 2, from3.similarityTo(8), 1e-6);
        // to the bit: a saved neighbour list is rescored from its own node when the graph is loaded, in saved order
        assertEquals(from3.similarityTo(8), from8.similarityTo(3));
        assertEquals(1f, from3.similarityTo(3), 1e-6);
    }

    @Test
    void aVectorScoresAsTheNodeThatStoresIt() {
        VectorFloat<?> v = VectorizationProvider.getInstance().getVectorTypeSupport()
                .createFloatVector(vectors.get(42));
        ScoreFunction byVector = scores.searchProviderFor(v).scoreFunction();
        ScoreFunction byNode = scores.searchProviderFor(42).scoreFunction();
        for (int node = 0; node < 20; node++) {
            assertEquals(byNode.similarityTo(node), byVector.similarityTo(node));
        }
    }

    @Test
    void theCentroidIsTheMeanOfTheStoredVectors() {
        VectorFloat<?> centroid = scores.approximateCentroid();
        for (int d : new int[]{0, 17, DIM - 1}) {
            double sum = 0;
            for (int i = 0; i < COUNT; i++) {
                sum += vectors.get(i)[d];
            }
            assertEquals(sum / COUNT, centroid.get(d), 1e-5);
        }
    }

    /**
     * Why the graph is linked on exact scores: on concentrated vectors, codes of 4 bytes rank a node's nearest
     * neighbours coarsely, so the lists chosen on them hold fewer of the true nearest, which no exact step at query
     * time can then reach.
     */
    @Test
    void listsLinkedOnExactScoresHoldMoreOfEachNodesTrueNearestThanListsLinkedOnPqCodes() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            ProductQuantization pq = ProductQuantization.compute(vectors, 4, 256, false,
                    KMeansPlusPlusClusterer.UNWEIGHTED, pool, pool);
            PQVectors codes = (PQVectors) pq.encodeAll(vectors, pool);
            double onCodes = nearestLinked(BuildScoreProvider.pqBuildScoreProvider(
                    VectorSimilarityFunction.DOT_PRODUCT, codes), pool);
            double onExact = nearestLinked(scores, pool);
            // measured: 0.89-0.92 on exact scores, 0.16-0.18 on the codes
            assertTrue(onExact >= 0.75 && onExact >= onCodes + 0.5, "share of each node's 10 nearest in its list: "
                    + onExact + " linked on exact scores, " + onCodes + " on PQ codes");
        } finally {
            pool.shutdown();
        }
    }

    /** The share of each node's 10 nearest (exact search) that its neighbour list holds, over the first 100. */
    private static double nearestLinked(BuildScoreProvider provider, ForkJoinPool pool) throws Exception {
        try (GraphIndexBuilder builder = new GraphIndexBuilder(provider, DIM, 16, 60, 1.2f, 1.2f, pool, pool)) {
            OnHeapGraphIndex graph = builder.build(vectors);
            int linked = 0;
            try (GraphIndex.View view = graph.getView()) {
                for (int node = 0; node < 100; node++) {
                    Set<Integer> list = new HashSet<>();
                    for (NodesIterator it = view.getNeighborsIterator(node); it.hasNext(); ) {
                        list.add(it.nextInt());
                    }
                    for (Hit h : ExactSearch.search(vectors, vectors.get(node), 11)) {
                        if (h.ordinal() != node && list.contains(h.ordinal())) {
                            linked++;
                        }
                    }
                }
            }
            return linked / 1000.0;
        }
    }
}
