package dev.ca4.producer.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --weights PATH: a graph saved by the test, and the errors for a missing, corrupt or mismatched file. */
class WeightsLoaderTest {
    @TempDir
    Path dir;

    private final WeightsLoader loader = new WeightsLoader(
            new PretrainedWeights(java.net.URI.create("http://127.0.0.1:9/none.zip"), 1, Path.of("/nonexistent")),
            Duration.ofSeconds(1));

    @Test
    void savedGraphLoadsAndEmbedsFinitely() throws Exception {
        Path file = TinyGraph.save(dir.resolve("tiny.zip"));
        float[] image = new float[3 * 224 * 224];
        Arrays.fill(image, 12.5f);
        try (EmbeddingEngine engine = loader.load(file.toString(), "tiny", TinyGraph.LAYER)) {
            float[][] e = engine.embed(new float[][]{image, image});
            assertEquals(2, e.length);
            assertEquals(TinyGraph.DIM, e[0].length);
            for (float v : e[0]) {
                assertTrue(Float.isFinite(v));
            }
            assertArrayEquals(e[0], e[1]);
            assertTrue(engine.model().weights().matches("file:tiny\\.zip@sha256:[0-9a-f]{12}"),
                    engine.model().weights());
            assertEquals(TinyGraph.LAYER, engine.model().layer());
            assertEquals("tiny", engine.model().name());
        }
    }

    @Test
    void missingFileNamesIt() {
        Path missing = dir.resolve("nowhere/model.zip");
        WeightsException e = assertThrows(WeightsException.class, () -> loader.load(missing.toString(), "m", "x"));
        assertTrue(e.getMessage().contains("weights file not found: " + missing.toAbsolutePath()), e.getMessage());
    }

    @Test
    void corruptFileIsAClearError() throws Exception {
        Path good = TinyGraph.save(dir.resolve("good.zip"));
        byte[] bytes = Files.readAllBytes(good);
        Path half = Files.write(dir.resolve("half.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        Path text = Files.writeString(dir.resolve("text.zip"), "not a zip at all");
        for (Path bad : new Path[]{half, text}) {
            WeightsException e = assertThrows(WeightsException.class, () -> loader.load(bad.toString(), "m", "pool"));
            assertTrue(e.getMessage().startsWith("cannot load weights from " + bad.toAbsolutePath()), e.getMessage());
        }
    }

    @Test
    void unknownLayerListsTheLastOnes() throws Exception {
        Path file = TinyGraph.save(dir.resolve("tiny.zip"));
        WeightsException e = assertThrows(WeightsException.class,
                () -> loader.load(file.toString(), "m", "flatten_1"));
        assertTrue(e.getMessage().contains("no layer \"flatten_1\"") && e.getMessage().contains("pool"),
                e.getMessage());
    }
}
