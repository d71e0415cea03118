package dev.ca4.producer.embed;

import dev.ca4.producer.image.ResNetPreprocessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --weights random: the standard ResNet50, finite 2048-d embeddings, deterministic per image. */
class ResNet50GraphTest {
    private static EmbeddingEngine engine;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        engine = new WeightsLoader(PretrainedWeights.resnet50Imagenet(), Duration.ofSeconds(1))
                .load(WeightsLoader.RANDOM, "resnet50", ResNet50Graph.EMBEDDING_LAYER);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void hasTheKerasResNet50Layout() {
        ComputationGraph g = ResNet50Graph.randomlyInitialised(1);
        assertEquals(25_636_712, g.numParams(), "Keras ResNet50 has 25,636,712 parameters");
        for (String v : new String[]{"conv1", "bn_conv1", "res2a_branch1", "res3d_branch2c", "res4f_branch2b",
                "bn5c_branch2c", "avg_pool", "flatten_1", "fc1000"}) {
            assertNotNull(g.getVertex(v), v);
        }
        g.close();
    }

    @Test
    void randomWeightsGiveFinite2048dEmbeddingsThatDependOnTheImageOnly() throws Exception {
        ResNetPreprocessor p = new ResNetPreprocessor();
        float[] red = p.prepare(dir.resolve(writeSolid("red.png", Color.RED)), "red").tensor();
        float[] sky = p.prepare(dir.resolve(writeSolid("sky.png", new Color(135, 206, 235))), "sky").tensor();

        float[][] e = engine.embed(new float[][]{red, sky, red});

        assertEquals(3, e.length);
        assertEquals(2048, e[0].length);
        for (float[] v : e) {
            double norm = 0;
            for (float f : v) {
                assertTrue(Float.isFinite(f));
                norm += f * f;
            }
            assertTrue(norm > 0 && norm < 1e12, "norm² " + norm);
        }
        // Same image, same embedding: up to float32 rounding, which differs with the position in the batch.
        assertClose(e[0], e[2]);
        assertClose(e[0], engine.embed(new float[][]{red})[0]);
        assertFalse(maxDifference(e[0], e[1]) < 1e-3 * maxAbs(e[0]), "different images, different embeddings");
        assertEquals("random", engine.model().weights());
        assertEquals("flatten_1", engine.model().layer());
    }

    /** Equal within 1e-5 of the vector's largest component. */
    static void assertClose(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        assertTrue(maxDifference(a, b) <= 1e-5 * maxAbs(a), "differ by " + maxDifference(a, b));
    }

    private static double maxDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static double maxAbs(float[] a) {
        double m = 0;
        for (float f : a) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    private static String writeSolid(String name, Color c) throws Exception {
        return dev.ca4.producer.image.TestImages.solid(dir, name, 256, 256, c).getFileName().toString();
    }
}
