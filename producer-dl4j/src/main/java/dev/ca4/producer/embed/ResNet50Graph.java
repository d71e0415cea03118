package dev.ca4.producer.embed;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The standard ResNet50 in the layout of the Keras model that DL4J's pretrained
 * {@code resnet50_dl4j_inference.v3.zip} was imported from (Keras 2.0 names: conv1, bn_conv1, res2a_branch2a, …,
 * avg_pool, flatten_1, fc1000): 7×7/2 stem, 3×3/2 max pooling to 55×55, bottleneck stages of 3/4/6/3 blocks with
 * the stride on the first 1×1 convolution, 7×7 average pooling, a 2048-d flatten. Not the zoo's {@code init()}
 * graph, which is a different network (STACK-FACTS).
 */
public final class ResNet50Graph {

    public static final int INPUT_SIZE = 224;
    public static final String INPUT = "input_1";
    public static final String EMBEDDING_LAYER = "flatten_1";
    public static final int EMBEDDING_DIM = 2048;

    /** Measured: 0.2 gives embeddings of order 1e2–1e3 for pixel input; 1.0 gives ~1e8, 0 drops the branches. */
    static final double RESIDUAL_GAMMA = 0.2;
    private static final int[][] FILTERS = {{64, 64, 256}, {128, 128, 512}, {256, 256, 1024}, {512, 512, 2048}};
    private static final int[] BLOCKS = {3, 4, 6, 3};

    /**
     * The two ResNet50s that ImageNet weights exist for. They share every layer and weight shape and differ in two
     * settings, so one set of weights gives different embeddings in each.
     */
    public enum Layout {
        /** Keras 2.0's ResNet50, which DL4J's zoo zip was imported from: batch-norm epsilon 1e-3, no pool padding. */
        KERAS_2_0(1e-3, 0),
        /**
         * Today's {@code keras.applications.ResNet50} (Keras 2.2 and later, Keras 3, Colab's): epsilon 1.001e-5 and a
         * 1-pixel zero padding before the max pooling (56×56 after it).
         */
        KERAS_APPLICATIONS(1.001e-5, 1);

        final double batchNormEps;
        final int poolPadding;

        Layout(double batchNormEps, int poolPadding) {
            this.batchNormEps = batchNormEps;
            this.poolPadding = poolPadding;
        }
    }

    private ResNet50Graph() {
    }

    /** The configuration; weights He-initialised from {@code seed}, so the same seed gives the same network. */
    public static ComputationGraphConfiguration configuration(long seed) {
        return configuration(seed, Layout.KERAS_2_0);
    }

    /** The configuration of {@code layout}; its batch norms keep the variance itself (Keras' moving_variance). */
    public static ComputationGraphConfiguration configuration(long seed, Layout layout) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3));
        g.addLayer("conv1", conv(7, 2, 3, 64), INPUT);
        g.addLayer("bn_conv1", bn(layout), "conv1");
        g.addLayer("relu_conv1", relu(), "bn_conv1");
        g.addLayer("max_pooling2d_1", new SubsamplingLayer.Builder(PoolingType.MAX)
                .kernelSize(3, 3).stride(2, 2).padding(layout.poolPadding, layout.poolPadding).build(), "relu_conv1");
        String x = "max_pooling2d_1";
        for (int stage = 0; stage < BLOCKS.length; stage++) {
            for (int block = 0; block < BLOCKS[stage]; block++) {
                int stride = block == 0 && stage > 0 ? 2 : 1;
                x = block(g, layout, x, stage + 2, (char) ('a' + block), FILTERS[stage], stride, block == 0);
            }
        }
        g.addLayer("avg_pool", new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(7, 7).stride(7, 7).build(), x);
        g.addVertex(EMBEDDING_LAYER, new PreprocessorVertex(new CnnToFeedForwardPreProcessor(1, 1, EMBEDDING_DIM)),
                "avg_pool");
        g.addLayer("fc1000", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(1000)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), EMBEDDING_LAYER);
        return g.setOutputs("fc1000").build();
    }

    /** A conv block (projection shortcut, {@code a}) or an identity block; returns the name of its output. */
    private static String block(ComputationGraphConfiguration.GraphBuilder g, Layout layout, String in, int stage,
                                char block, int[] filters, int stride, boolean projection) {
        String id = stage + String.valueOf(block);
        String res = "res" + id + "_branch";
        String bn = "bn" + id + "_branch";
        g.addLayer(res + "2a", conv(1, stride, 0, filters[0]), in);
        g.addLayer(bn + "2a", bn(layout), res + "2a");
        g.addLayer("relu" + id + "_branch2a", relu(), bn + "2a");
        g.addLayer(res + "2b", conv(3, 1, 1, filters[1]), "relu" + id + "_branch2a");
        g.addLayer(bn + "2b", bn(layout), res + "2b");
        g.addLayer("relu" + id + "_branch2b", relu(), bn + "2b");
        g.addLayer(res + "2c", conv(1, 1, 0, filters[2]), "relu" + id + "_branch2b");
        g.addLayer(bn + "2c", bn(layout), res + "2c");
        String shortcut = in;
        if (projection) {
            g.addLayer(res + "1", conv(1, stride, 0, filters[2]), in);
            g.addLayer(bn + "1", bn(layout), res + "1");
            shortcut = bn + "1";
        }
        g.addVertex("add_" + id, new ElementWiseVertex(ElementWiseVertex.Op.Add), bn + "2c", shortcut);
        g.addLayer("activation_" + id, relu(), "add_" + id);
        return "activation_" + id;
    }

    private static ConvolutionLayer conv(int kernel, int stride, int padding, int nOut) {
        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).padding(padding, padding)
                .nOut(nOut).activation(Activation.IDENTITY).build();
    }

    /**
     * DL4J's BatchNormalization layer ignores a configured activation (its activate() returns the normalised values
     * only), so each ReLU of ResNet50 after a batch norm is an ActivationLayer of its own, as in the Keras graph.
     */
    private static BatchNormalization bn(Layout layout) {
        BatchNormalization.Builder bn = new BatchNormalization.Builder().eps(layout.batchNormEps)
                .activation(Activation.IDENTITY);
        if (layout == Layout.KERAS_APPLICATIONS) {
            bn.useLogStd(false); // a "var" parameter, filled with Keras' moving_variance as it is
        }
        return bn.build();
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }

    /**
     * Builds and initialises the graph (untrained). Untrained batch norms keep their running statistics at mean 0,
     * variance 1, so each of the 16 residual additions would double the activations' variance (~1e8 at the
     * embedding); scaling the last batch norm of every residual branch down (as "zero-init residual" does) keeps
     * the embedding in a range where float32 stays exact and finite.
     */
    public static ComputationGraph randomlyInitialised(long seed) {
        return randomlyInitialised(seed, Layout.KERAS_2_0);
    }

    /** {@link #randomlyInitialised(long)} in {@code layout}. */
    public static ComputationGraph randomlyInitialised(long seed, Layout layout) {
        ComputationGraph graph = new ComputationGraph(configuration(seed, layout));
        graph.init();
        for (Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (name.startsWith("bn") && name.endsWith("_branch2c")) {
                layer.getParam("gamma").assign(RESIDUAL_GAMMA);
            }
        }
        return graph;
    }
}
