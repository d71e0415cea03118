package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.BuildInfo;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast engine computes what the DL4J engine computes, on the same weights. Error measure: for each image,
 * max |fast − dl4j| over the vector divided by max |dl4j| over the vector (≤ 1e-4). The batch norms get random
 * running statistics, γ and β first, so that folding them into the convolutions is really exercised.
 */
class FastResNet50EngineTest {
    static final double TOLERANCE = 1e-4;
    private static final GpuMetadataEvent.ModelInfo MODEL =
            new GpuMetadataEvent.ModelInfo("resnet50", "random", "test", ResNet50Graph.EMBEDDING_LAYER);

    private static ComputationGraph graph;
    private static Dl4jEngine reference;
    private static FastResNet50Engine fast;

    @TempDir
    static Path dir;

    @BeforeAll
    static void build() throws Exception {
        graph = ResNet50Graph.randomlyInitialised(WeightsLoader.RANDOM_SEED);
        randomiseBatchNorms(graph, new Random(3));
        reference = new Dl4jEngine(graph, ResNet50Graph.EMBEDDING_LAYER, MODEL, ResNet50Graph.INPUT_SIZE);
        fast = new FastResNet50Engine(graph, ResNet50Graph.EMBEDDING_LAYER, MODEL, ResNet50Graph.INPUT_SIZE, 2);
    }

    @AfterAll
    static void close() {
        fast.close();
        reference.close();
    }

    @Test
    void oneImage() {
        float[][] x = images(1, 11);
        assertSame(reference.embed(x), fast.embed(x));
    }

    @Test
    void aBatch() {
        float[][] x = images(3, 12);
        float[][] expected = reference.embed(x);
        float[][] got = fast.embed(x);
        assertSame(expected, got);
        // A smaller batch after a larger one reuses the buffers and still gives the same answer.
        assertSame(new float[][]{expected[1]}, fast.embed(new float[][]{x[1]}));
    }

    @Test
    void aGraphSavedToAFileAndLoadedBack() throws Exception {
        Path file = dir.resolve("resnet50-bn.zip");
        ModelSerializer.writeModel(graph, file.toFile(), false);
        WeightsLoader loader = new WeightsLoader(PretrainedWeights.resnet50Imagenet(), Duration.ofSeconds(1));
        float[][] x = images(2, 13);
        try (EmbeddingEngine loaded = loader.load(file.toString(), "resnet50", ResNet50Graph.EMBEDDING_LAYER,
                Engine.FAST, 2)) {
            assertSame(reference.embed(x), loaded.embed(x));
            assertEquals("dl4j-" + BuildInfo.DL4J_VERSION + "+fast-openblas", loaded.model().framework());
            assertTrue(loaded.model().weights().startsWith("file:resnet50-bn.zip@sha256:"));
        }
    }

    @Test
    void aConvolutionWithItsOwnReluAndNoBatchNorm() throws Exception {
        ComputationGraph tiny = TinyGraph.build();
        float[][] x = images(2, 14);
        try (Dl4jEngine ref = new Dl4jEngine(tiny, TinyGraph.LAYER, MODEL, 224);
             FastResNet50Engine f = new FastResNet50Engine(tiny, TinyGraph.LAYER, MODEL, 224, 1)) {
            assertSame(ref.embed(x), f.embed(x));
        }
    }

    /**
     * Running mean/variance, γ and β away from their initial 0/1/1/0 (γ of the residual branches' last batch
     * norm stays small, as {@link ResNet50Graph} sets it, so the 16 additions keep the values finite).
     */
    static void randomiseBatchNorms(ComputationGraph g, Random r) {
        for (Layer layer : g.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (!name.startsWith("bn")) {
                continue;
            }
            double gammaScale = name.endsWith("_branch2c") ? ResNet50Graph.RESIDUAL_GAMMA : 1;
            fill(layer.getParam("gamma"), r, 0.5 * gammaScale, 1.5 * gammaScale);
            fill(layer.getParam("beta"), r, -0.3, 0.3);
            fill(layer.getParam("mean"), r, -0.5, 0.5);
            fill(layer.getParam("log10stdev"), r, -0.2, 0.3); // std 0.63 … 2
        }
    }

    private static void fill(INDArray a, Random r, double lo, double hi) {
        double[] v = new double[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        a.assign(Nd4j.create(v, a.shape()).castTo(a.dataType()));
    }

    static float[][] images(int n, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][3 * 224 * 224];
        for (float[] img : x) {
            for (int i = 0; i < img.length; i++) {
                img[i] = (float) (r.nextDouble() * 255 - 120);
            }
        }
        return x;
    }

    static void assertSame(float[][] expected, float[][] got) {
        assertEquals(expected.length, got.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, got[i].length);
            double maxDiff = 0;
            double maxAbs = 0;
            for (int j = 0; j < expected[i].length; j++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[i][j] - got[i][j]));
                maxAbs = Math.max(maxAbs, Math.abs(expected[i][j]));
            }
            System.out.printf("image %d: max |diff| %.3g, max |ref| %.3g, relative %.3g%n", i, maxDiff, maxAbs,
                    maxDiff / maxAbs);
            assertTrue(maxAbs > 0, "reference embedding is all zeros");
            assertTrue(maxDiff <= TOLERANCE * maxAbs, "image " + i + ": relative error " + maxDiff / maxAbs);
        }
    }
}
