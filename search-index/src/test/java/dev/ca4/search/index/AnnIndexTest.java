package dev.ca4.search.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index against exact search on a small clustered set (the 100,000-vector figures are make bench-search's). */
class AnnIndexTest {
    private static final int COUNT = 3000;
    private static final int DIM = 256;

    @TempDir
    static Path tmp;
    static SyntheticVectors data;
    static VectorFile vectors;
    static AnnIndex index;

    @BeforeAll
    static void build() throws Exception {
        data = new SyntheticVectors(DIM, 30, 7);
        vectors = new VectorFile(tmp.resolve("v.f32"), DIM);
        for (int i = 0; i < COUNT; i++) {
            vectors.append(data.vector(i));
        }
        index = AnnIndex.build(vectors, new AnnIndex.Settings(32, 100, 64, 64, 20, 30));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
        vectors.close();
    }

    @Test
    void findsWhatExactSearchFinds() {
        double sum = 0;
        int queries = 50;
        for (int q = 0; q < queries; q++) {
            float[] query = data.vector(COUNT + q);
            sum += ExactSearch.recall(ExactSearch.search(vectors, query, 10), index.search(query, 10));
        }
        assertTrue(sum / queries >= 0.95, "recall@10 " + sum / queries);
    }

    @Test
    void aStoredVectorIsItsOwnNearestNeighbourWithCosineOne() {
        List<Hit> hits = index.search(data.vector(1234), 5);
        assertEquals(1234, hits.get(0).ordinal());
        assertEquals(1.0, hits.get(0).cosine(), 1e-4);
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).cosine() >= hits.get(i).cosine(), "best first: " + hits);
        }
    }

    @Test
    void theCosineIsTheExactOne() {
        float[] query = data.vector(COUNT + 99);
        for (Hit h : index.search(query, 10)) {
            assertEquals(Cosine.dot(Cosine.normalized(query), vectors.get(h.ordinal())), h.cosine(), 1e-4);
        }
    }

    @Test
    void aFilterKeepsOnlyTheOrdinalsItAccepts() {
        List<Hit> hits = index.search(data.vector(10), 10, ordinal -> ordinal % 2 == 1);
        assertEquals(10, hits.size());
        assertTrue(hits.stream().allMatch(h -> h.ordinal() % 2 == 1), hits.toString());
    }

    @Test
    void aQueryOfAnotherDimensionOrWithoutDirectionIsRefused() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> index.search(new float[DIM + 1], 10));
        assertTrue(wrong.getMessage().contains((DIM + 1) + " dimensions, the index " + DIM), wrong.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> index.search(new float[DIM], 10));
        assertTrue(zero.getMessage().contains("no direction"), zero.getMessage());
    }

    @Test
    void fewerVectorsThanTheQuantizerHasCentroidsAreRefusedWithTheCount() throws Exception {
        try (VectorFile few = new VectorFile(tmp.resolve("few.f32"), DIM)) {
            for (int i = 0; i < 255; i++) {
                few.append(data.vector(i));
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AnnIndex.build(few, new AnnIndex.Settings(32, 100, 64, 64, 20, 30)));
            assertTrue(e.getMessage().contains("at least 256 vectors, not 255"), e.getMessage());
        }
    }

    /**
     * Vectors that share a large common part, as untrained ResNet50's embeddings do (cosine 0.95 between any two):
     * the PQ codes then rank the nearest ones too coarsely, and only the exact refinement finds them.
     */
    @Test
    void theExactRefinementFindsTheNearNeighboursOfConcentratedVectorsThatThePqRankingMisses() throws Exception {
        SyntheticVectors spread = new SyntheticVectors(DIM, 40, 0.6, 0.3, 11);
        try (VectorFile concentrated = new VectorFile(tmp.resolve("concentrated.f32"), DIM)) {
            for (int i = 0; i < 2000; i++) {
                concentrated.append(shifted(spread.vector(i)));
            }
            double withoutRefinement = recall(concentrated, spread, new AnnIndex.Settings(16, 60, 16, 20, 20, 0));
            double withRefinement = recall(concentrated, spread, new AnnIndex.Settings(16, 60, 16, 20, 20, 60));
            assertTrue(withRefinement >= withoutRefinement + 0.15,
                    "recall@10 without refinement " + withoutRefinement + ", with " + withRefinement);
        }
    }

    /** The vector plus a large common part: cosine ~0.95 between any two, as untrained ResNet50's embeddings. */
    static float[] shifted(float[] v) {
        float[] out = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = v[d] + 6f;
        }
        return out;
    }

    private static double recall(VectorFile vectors, SyntheticVectors spread, AnnIndex.Settings settings) throws Exception {
        try (AnnIndex concentratedIndex = AnnIndex.build(vectors, settings)) {
            double sum = 0;
            for (int q = 0; q < 50; q++) {
                float[] query = shifted(spread.vector(5000 + q));
                sum += ExactSearch.recall(ExactSearch.search(vectors, query, 10), concentratedIndex.search(query, 10));
            }
            return sum / 50;
        }
    }
}
