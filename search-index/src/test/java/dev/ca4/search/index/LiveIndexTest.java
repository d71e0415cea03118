package dev.ca4.search.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live index: searchable at once, exact below the training size, the graph catching up behind. */
class LiveIndexTest {
    private static final int DIM = 128;
    private static final LiveIndex.Settings SMALL = new LiveIndex.Settings(new AnnIndex.Settings(16, 60, 32, 40, 20, 30), 500, 2, 0);

    @TempDir
    Path tmp;

    @Test
    void aVectorIsItsOwnNearestNeighbourAsSoonAsItIsAppended() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 3);
        try (VectorFile file = new VectorFile(tmp.resolve("v.f32"), DIM); LiveIndex index = new LiveIndex(file, SMALL)) {
            for (int i = 0; i < 1500; i++) {
                int ordinal = index.append(data.vector(i));
                if (i % 97 == 0) { // while the graph is trained and grows in the background
                    Hit top = index.search(data.vector(i), 1, o -> true).get(0);
                    assertEquals(ordinal, top.ordinal(), "vector " + i + " must find itself");
                    assertEquals(1.0, top.cosine(), 1e-4);
                }
            }
        }
    }

    @Test
    void belowTheTrainingSizeSearchIsExact() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 4);
        try (VectorFile file = new VectorFile(tmp.resolve("v.f32"), DIM); LiveIndex index = new LiveIndex(file, SMALL)) {
            for (int i = 0; i < 400; i++) {
                index.append(data.vector(i));
            }
            float[] q = data.vector(10_000);
            assertEquals(ExactSearch.search(file, q, 10), index.search(q, 10, o -> true));
            assertEquals(0, index.covered(), "no graph below the training size");
        }
    }

    @Test
    void onceCoveredTheGraphAnswersWithHighRecallAndNoDuplicates() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 5);
        try (VectorFile file = new VectorFile(tmp.resolve("v.f32"), DIM); LiveIndex index = new LiveIndex(file, SMALL)) {
            for (int i = 0; i < 2000; i++) {
                index.append(data.vector(i));
            }
            assertTrue(index.awaitCovered(120_000), "graph did not catch up: " + index.failure());
            assertEquals(2000, index.covered());
            assertTrue(index.ramBytesUsed() > 0);
            double recall = 0;
            for (int q = 0; q < 50; q++) {
                float[] query = data.vector(50_000 + q);
                List<Hit> hits = index.search(query, 10, o -> true);
                Set<Integer> ordinals = new HashSet<>();
                hits.forEach(h -> assertTrue(ordinals.add(h.ordinal()), "duplicate ordinal " + h.ordinal()));
                assertEquals(10, hits.size());
                recall += ExactSearch.recall(ExactSearch.search(file, query, 10), hits);
            }
            assertTrue(recall / 50 >= 0.9, "recall@10 " + recall / 50);
        }
    }

    @Test
    void theFilterDecidesWhichOrdinalsMayAnswer() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 6);
        try (VectorFile file = new VectorFile(tmp.resolve("v.f32"), DIM); LiveIndex index = new LiveIndex(file, SMALL)) {
            for (int i = 0; i < 1200; i++) {
                index.append(data.vector(i));
            }
            assertTrue(index.awaitCovered(120_000));
            index.append(data.vector(1200)); // one in the exact tail as well
            List<Hit> odd = index.search(data.vector(7), 20, o -> o % 2 == 1);
            assertEquals(20, odd.size());
            odd.forEach(h -> assertEquals(1, h.ordinal() % 2, "ordinal " + h.ordinal() + " is filtered out"));
            assertEquals(List.of(), index.search(data.vector(7), 5, o -> false));
        }
    }

    @Test
    void refusesAQueryOfAnotherDimensionAndASilentlyUselessTrainingSize() throws Exception {
        try (VectorFile file = new VectorFile(tmp.resolve("v.f32"), DIM); LiveIndex index = new LiveIndex(file, SMALL)) {
            assertThrows(IllegalArgumentException.class, () -> index.search(new float[DIM + 1], 1, o -> true));
            assertThrows(IllegalArgumentException.class, () -> index.search(new float[DIM], 0, o -> true));
        }
        assertThrows(IllegalArgumentException.class, () -> new LiveIndex.Settings(AnnIndex.Settings.defaults(), 10, 1, 0));
    }

    @Test
    void truncateDropsWhatFollowsACheckpoint() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 8);
        Path path = tmp.resolve("v.f32");
        try (VectorFile file = new VectorFile(path, DIM)) {
            for (int i = 0; i < 10; i++) {
                file.append(data.vector(i));
            }
            file.force();
        }
        try (VectorFile file = new VectorFile(path, DIM)) {
            assertEquals(10, file.size());
            file.truncate(7);
            assertEquals(7, file.size());
            assertThrows(IllegalArgumentException.class, () -> file.truncate(8));
        }
        try (VectorFile file = new VectorFile(path, DIM)) {
            assertEquals(7, file.size());
        }
    }

    @Test
    void aReopenedIndexReloadsItsGraphAndAnswersAsBefore() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 9);
        Path vectors = tmp.resolve("v.f32");
        Path graph = tmp.resolve("graph.bin");
        List<List<Hit>> before = new java.util.ArrayList<>();
        try (VectorFile file = new VectorFile(vectors, DIM); LiveIndex index = new LiveIndex(file, SMALL, graph)) {
            for (int i = 0; i < 1500; i++) {
                index.append(data.vector(i));
            }
            assertTrue(index.awaitCovered(120_000), "graph did not catch up: " + index.failure());
            file.force();
            index.durable(1500);
            for (int q = 0; q < 20; q++) {
                before.add(index.search(data.vector(60_000 + q), 10, o -> true));
            }
        } // close() writes the graph
        assertTrue(Files.exists(graph), "no graph file after close");
        try (VectorFile file = new VectorFile(vectors, DIM); LiveIndex index = new LiveIndex(file, SMALL, graph)) {
            assertTrue(index.awaitCovered(60_000), "reload failed: " + index.failure());
            assertEquals(1500, index.reloaded(), "the graph was built again, not reloaded");
            for (int q = 0; q < 20; q++) {
                assertEquals(before.get(q), index.search(data.vector(60_000 + q), 10, o -> true), "query " + q);
            }
            for (int i = 1500; i < 1800; i++) { // and it keeps growing from there
                index.append(data.vector(i));
            }
            assertTrue(index.awaitCovered(120_000));
            assertEquals(1800, index.covered());
            assertEquals(1500, index.search(data.vector(1500), 1, o -> true).get(0).ordinal());
        }
    }

    @Test
    void aGraphThatCaughtUpIsSavedWhenDueEvenIfNothingElseHappens() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 12);
        Path graph = tmp.resolve("graph.bin");
        LiveIndex.Settings every3s = new LiveIndex.Settings(SMALL.ann(), SMALL.trainingVectors(), 2, 3000);
        try (VectorFile file = new VectorFile(tmp.resolve("v.f32"), DIM);
             LiveIndex index = new LiveIndex(file, every3s, graph)) {
            for (int i = 0; i < 1000; i++) {
                index.append(data.vector(i));
            }
            index.durable(1000); // before the interval is up: the save must come later by itself
            assertTrue(index.awaitCovered(120_000));
            await().atMost(Duration.ofSeconds(30)).until(() -> index.saved() == 1000);
            assertTrue(Files.exists(graph));
        }
    }

    @Test
    void aGraphOverVectorsTheCallerCouldLoseIsNotSaved() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 10);
        Path graph = tmp.resolve("graph.bin");
        try (VectorFile file = new VectorFile(tmp.resolve("v.f32"), DIM); LiveIndex index = new LiveIndex(file, SMALL, graph)) {
            for (int i = 0; i < 1000; i++) {
                index.append(data.vector(i));
            }
            assertTrue(index.awaitCovered(120_000));
            index.durable(900); // the caller's checkpoint holds fewer vectors than the graph covers
        }
        assertFalse(Files.exists(graph), "a graph over 1000 vectors was saved with only 900 durable");
    }

    @Test
    void aGraphFileThatDoesNotFitIsBuiltAgain() throws Exception {
        SyntheticVectors data = new SyntheticVectors(DIM, 20, 11);
        Path vectors = tmp.resolve("v.f32");
        Path graph = tmp.resolve("graph.bin");
        try (VectorFile file = new VectorFile(vectors, DIM); LiveIndex index = new LiveIndex(file, SMALL, graph)) {
            for (int i = 0; i < 1000; i++) {
                index.append(data.vector(i));
            }
            assertTrue(index.awaitCovered(120_000));
            file.force();
            index.durable(1000);
        }
        try (VectorFile file = new VectorFile(vectors, DIM)) {
            file.truncate(800); // fewer vectors than the graph has nodes
        }
        try (VectorFile file = new VectorFile(vectors, DIM); LiveIndex index = new LiveIndex(file, SMALL, graph)) {
            assertTrue(index.awaitCovered(120_000), "not rebuilt: " + index.failure());
            assertEquals(0, index.reloaded());
            assertEquals(800, index.covered());
        }
        Files.write(graph, new byte[]{1, 2, 3, 4, 5, 6, 7, 8}); // not a graph file at all
        try (VectorFile file = new VectorFile(vectors, DIM); LiveIndex index = new LiveIndex(file, SMALL, graph)) {
            assertTrue(index.awaitCovered(120_000), "not rebuilt: " + index.failure());
            assertEquals(0, index.reloaded());
            assertEquals(800, index.covered());
        }
    }
}
