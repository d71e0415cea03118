package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

import java.util.Random;

/**
 * The layers of a Keras-imported ResNet50 that our own graph does not have: zero padding, "same" convolutions and
 * pooling, and additions / ReLUs that cannot be fused (their operands have other readers), against DL4J.
 */
class FastEngineLayersTest {
    private static final GpuMetadataEvent.ModelInfo MODEL = new GpuMetadataEvent.ModelInfo("m", "w", "f", "gap");

    @Test
    void paddingSameModeAndUnfusedAdditions() throws Exception {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(5).graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(224, 224, 3))
                .addLayer("pad", new ZeroPaddingLayer.Builder(3, 3).build(), "in")
                .addLayer("c1", new ConvolutionLayer.Builder(7, 7).stride(2, 2).nOut(8)
                        .activation(Activation.IDENTITY).build(), "pad")
                .addLayer("bn1", new BatchNormalization.Builder().eps(1e-3).build(), "c1")
                .addLayer("r1", relu(), "bn1")
                .addLayer("pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build(), "r1")
                .addLayer("c2", new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(8)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build(), "pool")
                .addLayer("r2", relu(), "c2")
                .addLayer("c3", new ConvolutionLayer.Builder(1, 1).stride(2, 2).nOut(8)
                        .activation(Activation.IDENTITY).build(), "pool")
                .addLayer("r3", relu(), "c3")
                .addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "r2", "r3") // neither fusable
                .addLayer("pool2", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build(), "add")
                .addLayer("r4", relu(), "pool2") // follows a pooling: a ReLU step of its own
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "r4")
                .setOutputs("gap").build());
        g.init();
        FastResNet50EngineTest.randomiseBatchNorms(g, new Random(9));
        float[][] x = FastResNet50EngineTest.images(2, 21);
        Dl4jEngine ref = new Dl4jEngine(g, "gap", MODEL, 224); // closing it would close the graph used below
        try (FastResNet50Engine fast = new FastResNet50Engine(g, "gap", MODEL, 224, 2)) {
            FastResNet50EngineTest.assertSame(ref.embed(x), fast.embed(x));
        }
        // An intermediate, non-pooled layer is read out channels-first, as DL4J flattens it.
        try (Dl4jEngine addRef = new Dl4jEngine(g, "add", MODEL, 224);
             FastResNet50Engine fast = new FastResNet50Engine(g, "add", MODEL, 224, 2)) {
            FastResNet50EngineTest.assertSame(addRef.embed(x), fast.embed(x));
        }
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }
}
