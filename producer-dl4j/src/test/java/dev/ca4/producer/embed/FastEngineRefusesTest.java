package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graphs the fast engine cannot run are refused at load with the layer's name, never run wrongly. */
class FastEngineRefusesTest {
    private static final GpuMetadataEvent.ModelInfo MODEL = new GpuMetadataEvent.ModelInfo("m", "w", "f", "pool");

    @TempDir
    Path dir;

    @Test
    void aLayerKindItDoesNotRun() {
        String m = refusal(depthwise(), "pool");
        assertTrue(m.contains("layer \"depthwise\" is DepthwiseConvolution2D") && m.contains("--engine dl4j"), m);
    }

    private static ComputationGraph depthwise() {
        return graph(new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(224, 224, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(8, 8).stride(8, 8).nOut(4)
                        .activation(Activation.IDENTITY).build(), "in")
                .addLayer("depthwise", new DepthwiseConvolution2D.Builder(3, 3).nOut(4)
                        .activation(Activation.IDENTITY).build(), "conv")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "depthwise")
                .setOutputs("pool").build());
    }

    @Test
    void autoFallsBackToDl4jWhereFastWouldRefuseButFastAloneFails() throws Exception {
        ComputationGraph g = depthwise();
        Path file = dir.resolve("depthwise.zip");
        ModelSerializer.writeModel(g, file.toFile(), false);
        WeightsLoader loader = new WeightsLoader(PretrainedWeights.resnet50Imagenet(), Duration.ofSeconds(1));
        try (EmbeddingEngine e = loader.load(file.toString(), "m", "pool", Engine.FAST_OR_DL4J, 1)) {
            assertTrue(e instanceof Dl4jEngine);
            assertEquals(WeightsLoader.FRAMEWORK, e.model().framework());
            assertEquals(4, e.embed(new float[][]{new float[3 * 224 * 224]})[0].length);
        }
        WeightsException e = assertThrows(WeightsException.class,
                () -> loader.load(file.toString(), "m", "pool", Engine.FAST, 1));
        assertTrue(e.getMessage().contains("depthwise"), e.getMessage());
    }

    @Test
    void aBatchNormThatFollowsNoConvolution() {
        ComputationGraph g = graph(new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(224, 224, 3))
                .addLayer("bn", new BatchNormalization.Builder().build(), "in")
                .addLayer("conv", new ConvolutionLayer.Builder(8, 8).stride(8, 8).nOut(4)
                        .activation(Activation.IDENTITY).build(), "bn")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .setOutputs("pool").build());
        String m = refusal(g, "pool");
        assertTrue(m.contains("layer \"bn\"") && m.contains("does not directly follow a convolution"), m);
    }

    @Test
    void anActivationItDoesNotRun() {
        ComputationGraph g = graph(new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(224, 224, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(8, 8).stride(8, 8).nOut(4)
                        .activation(Activation.TANH).build(), "in")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .setOutputs("pool").build());
        String m = refusal(g, "pool");
        assertTrue(m.contains("layer \"conv\" is activation tanh"), m);
    }

    @Test
    void aLayerTheGraphLacks() {
        String m = refusal(TinyGraph.build(), "flatten_1");
        assertTrue(m.contains("no layer \"flatten_1\"") && m.contains("pool"), m);
    }

    @Test
    void engineNames() {
        assertEquals(Engine.FAST, Engine.parse("fast"));
        assertEquals(Engine.DL4J, Engine.parse(" DL4J "));
        assertEquals(Engine.FAST_OR_DL4J, Engine.parse("auto"), "the CPU jar picks the fast engine where it can");
        assertEquals(Engine.DL4J, Engine.forBackend("cuda"), "the CUDA jar keeps DL4J on the GPU");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engine.parse("gpu"));
        assertTrue(e.getMessage().contains("auto, fast or dl4j"), e.getMessage());
    }

    private static String refusal(ComputationGraph g, String layer) {
        return assertThrows(WeightsException.class, () -> new FastResNet50Engine(g, layer, MODEL, 224, 1))
                .getMessage();
    }

    private static ComputationGraph graph(ComputationGraphConfiguration conf) {
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }
}
