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
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graphs the fast engine cannot run are refused at load with the layer's name, never run wrongly. */
class FastEngineRefusesTest {
    private static final GpuMetadataEvent.ModelInfo MODEL = new GpuMetadataEvent.ModelInfo("m", "w", "f", "pool");

    @Test
    void aLayerKindItDoesNotRun() {
        ComputationGraph g = graph(new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(224, 224, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(8, 8).stride(8, 8).nOut(4)
                        .activation(Activation.IDENTITY).build(), "in")
                .addLayer("depthwise", new DepthwiseConvolution2D.Builder(3, 3).nOut(4)
                        .activation(Activation.IDENTITY).build(), "conv")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "depthwise")
                .setOutputs("pool").build());
        String m = refusal(g, "pool");
        assertTrue(m.contains("layer \"depthwise\" is DepthwiseConvolution2D") && m.contains("--engine dl4j"), m);
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
        assertEquals(Engine.FAST, Engine.parse("auto"), "the CPU jar picks the fast engine");
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
