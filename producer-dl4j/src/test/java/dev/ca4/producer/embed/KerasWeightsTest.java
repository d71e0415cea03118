package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keras' ImageNet weights as the Colab notebook exports them (an .npz of keras.applications.ResNet50's weights by
 * layer name), written here by NumPy ({@code src/test/python/write_keras_npz.py}, which names and shapes them after
 * keras.applications on its own) from known values, and loaded into our ResNet50.
 */
class KerasWeightsTest {
    /** Debian's python3 with python3-numpy (make test installs it when missing). */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPT = Path.of("src/test/python/write_keras_npz.py");
    private static final long KERAS_RESNET50_PARAMS = 25_636_712; // model.count_params() in Keras, with the top

    @TempDir
    static Path dir;
    private static Path npz;
    private static Map<String, INDArray> keras;
    private static ComputationGraph loaded;

    @BeforeAll
    static void writeAndLoad() throws Exception {
        npz = writeNpz("known.npz");
        keras = Nd4j.createFromNpzFile(npz.toFile());
        loaded = KerasWeights.load(npz);
    }

    @AfterAll
    static void close() {
        loaded.close();
    }

    static Path writeNpz(String name, String... options) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(PYTHON, SCRIPT.toString(), out.toString()));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), "write_keras_npz.py failed (python3-numpy installed?): " + output);
        return out;
    }

    private static float param(String layer, String param, long... index) {
        return loaded.getLayer(layer).getParam(param).getFloat(index);
    }

    /** Biases and batch-norm vectors, whatever rank DL4J gives them. */
    private static float vector(String layer, String param, long index) {
        return loaded.getLayer(layer).getParam(param).reshape(-1).getFloat(index);
    }

    private static float keras(String key, long... index) {
        return keras.get(key).getFloat(index);
    }

    @Test
    void convolutionKernelsAreTransposedFromKerasOrder() {
        // ours (out, in, kh, kw) = Keras (kh, kw, in, out)
        assertEquals(keras("conv1_conv/kernel", 3, 6, 2, 5), param("conv1", "W", 5, 2, 3, 6));
        assertEquals(keras("conv4_block1_2_conv/kernel", 2, 0, 11, 7), param("res4a_branch2b", "W", 7, 11, 2, 0));
        assertEquals(keras("conv3_block2_1_conv/kernel", 0, 0, 300, 17), param("res3b_branch2a", "W", 17, 300, 0, 0));
        assertEquals(keras("conv5_block1_0_conv/kernel", 0, 0, 1000, 2047), param("res5a_branch1", "W", 2047, 1000, 0, 0));
        assertEquals(keras("conv2_block3_3_conv/bias", 200), vector("res2c_branch2c", "b", 200));
    }

    @Test
    void batchNormsTakeTheirMovingStatistics() {
        for (String[] pair : new String[][]{{"bn_conv1", "conv1_bn"}, {"bn4c_branch2b", "conv4_block3_2_bn"},
                {"bn5a_branch1", "conv5_block1_0_bn"}}) {
            assertEquals(keras(pair[1] + "/gamma", 9), vector(pair[0], "gamma", 9), pair[0]);
            assertEquals(keras(pair[1] + "/beta", 9), vector(pair[0], "beta", 9), pair[0]);
            assertEquals(keras(pair[1] + "/moving_mean", 9), vector(pair[0], "mean", 9), pair[0]);
            assertEquals(keras(pair[1] + "/moving_variance", 9), vector(pair[0], "var", 9), pair[0]);
        }
    }

    @Test
    void theClassifierKeepsKerasOrder() {
        assertEquals(keras("predictions/kernel", 100, 7), param("fc1000", "W", 100, 7));
        assertEquals(keras("predictions/bias", 999), vector("fc1000", "b", 999));
    }

    @Test
    void everyParameterCameFromTheFile() {
        assertEquals(KERAS_RESNET50_PARAMS, loaded.numParams());
        ComputationGraph untouched = ResNet50Graph.randomlyInitialised(7, ResNet50Graph.Layout.KERAS_APPLICATIONS);
        try {
            for (Layer layer : loaded.getLayers()) {
                for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
                    String name = layer.conf().getLayer().getLayerName();
                    assertFalse(p.getValue().equals(untouched.getLayer(name).getParam(p.getKey())),
                            name + " " + p.getKey() + " still has its initial values");
                }
            }
        } finally {
            untouched.close();
        }
    }

    @Test
    void theFastEngineComputesWhatDl4jDoesInKerasLayout() throws Exception {
        var model = new GpuMetadataEvent.ModelInfo("resnet50", "keras", "test", ResNet50Graph.EMBEDDING_LAYER);
        float[][] x = FastResNet50EngineTest.images(2, 21);
        try (FastResNet50Engine fast = new FastResNet50Engine(loaded, ResNet50Graph.EMBEDDING_LAYER, model,
                ResNet50Graph.INPUT_SIZE, 2)) {
            Dl4jEngine reference = new Dl4jEngine(loaded, ResNet50Graph.EMBEDDING_LAYER, model, ResNet50Graph.INPUT_SIZE);
            FastResNet50EngineTest.assertSame(reference.embed(x), fast.embed(x));
        }
    }

    @Test
    void theWeightsOptionTakesAnNpzFile() throws Exception {
        WeightsLoader loader = new WeightsLoader(PretrainedWeights.resnet50Imagenet(), Duration.ofSeconds(1));
        try (EmbeddingEngine engine = loader.load(npz.toString(), "resnet50", ResNet50Graph.EMBEDDING_LAYER,
                Engine.DL4J, 1)) {
            assertTrue(engine.model().weights().startsWith("file:known.npz@sha256:"), engine.model().weights());
            assertEquals(ResNet50Graph.EMBEDDING_DIM, engine.embed(FastResNet50EngineTest.images(1, 22))[0].length);
        }
    }

    @Test
    void aFileThatDoesNotMatchIsRefusedNamingEachLayer() throws Exception {
        Path bad = writeNpz("bad.npz", "--drop", "conv3_block2_2_bn/gamma",
                "--wrong-shape", "conv4_block1_2_conv/kernel", "--extra", "conv6_block1_1_conv/kernel");
        WeightsException e = assertThrows(WeightsException.class, () -> KerasWeights.load(bad));
        assertTrue(e.getMessage().contains("conv3_block2_2_bn/gamma is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("conv4_block1_2_conv/kernel has shape [256, 256, 3, 3], layer "
                + "conv4_block1_2_conv needs [3, 3, 256, 256]"), e.getMessage());
        assertTrue(e.getMessage().contains("not weights of ResNet50: [conv6_block1_1_conv/kernel]"), e.getMessage());
    }

    @Test
    void whatTheNotebooksExportCellWritesLoads() throws Exception {
        Path out = dir.resolve("from-notebook.npz");
        Process p = new ProcessBuilder(PYTHON, "src/test/python/run_export_cell.py", "colab/ca4_producer.ipynb",
                out.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, output);
        ComputationGraph fromNotebook = KerasWeights.load(out);
        try {
            assertEquals(loaded.params(), fromNotebook.params(), "the same known weights as write_keras_npz.py's");
        } finally {
            fromNotebook.close();
        }
    }

    @Test
    void aCompressedNpzIsRefusedSayingHowToWriteIt() throws Exception {
        Path compressed = writeNpz("compressed.npz", "--compressed", "--first", "3"); // refused before any array is read
        WeightsException e = assertThrows(WeightsException.class, () -> KerasWeights.load(compressed));
        assertTrue(e.getMessage().contains("np.savez_compressed") && e.getMessage().contains("export again with np.savez"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotAnNpzIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.npz"), "not a zip of arrays");
        WeightsException e = assertThrows(WeightsException.class, () -> KerasWeights.load(text));
        assertTrue(e.getMessage().contains("notes.npz"), e.getMessage());
        WeightsException missing = assertThrows(WeightsException.class,
                () -> KerasWeights.load(dir.resolve("absent.npz")));
        assertTrue(missing.getMessage().startsWith("weights file not found"), missing.getMessage());
    }

    @Test
    void ourLayerNamesMapToKerasNames() {
        assertEquals("conv1_conv", KerasWeights.kerasLayer("conv1"));
        assertEquals("conv3_block2_1_conv", KerasWeights.kerasLayer("res3b_branch2a"));
        assertEquals("conv5_block1_0_bn", KerasWeights.kerasLayer("bn5a_branch1"));
        assertEquals("conv4_block6_3_bn", KerasWeights.kerasLayer("bn4f_branch2c"));
        assertEquals("predictions", KerasWeights.kerasLayer("fc1000"));
        assertThrows(IllegalArgumentException.class, () -> KerasWeights.kerasLayer("avg_pool"));
    }
}
