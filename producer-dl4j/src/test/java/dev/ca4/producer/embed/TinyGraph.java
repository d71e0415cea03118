package dev.ca4.producer.embed;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;

import java.io.IOException;
import java.nio.file.Path;

/** A small saved graph for the local-file path: 224×224×3 in, 8×8/8 convolution, average pool "pool" (8-d). */
public final class TinyGraph {
    public static final String LAYER = "pool";
    public static final int DIM = 8;

    private TinyGraph() {
    }

    public static ComputationGraph build() {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(7).graphBuilder()
                .addInputs("input").setInputTypes(InputType.convolutional(224, 224, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(8, 8).stride(8, 8).nOut(DIM)
                        .activation(Activation.RELU).build(), "input")
                .addLayer(LAYER, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .setOutputs(LAYER).build());
        g.init();
        return g;
    }

    public static Path save(Path file) throws IOException {
        ModelSerializer.writeModel(build(), file.toFile(), false);
        return file;
    }
}
