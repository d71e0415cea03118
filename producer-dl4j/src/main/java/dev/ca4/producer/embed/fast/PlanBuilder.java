package dev.ca4.producer.embed.fast;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the part of a DL4J ComputationGraph that leads to the embedding layer into {@link Step}s, reading the
 * weights by layer name: convolution (+ batch normalization folded in, + ReLU), residual addition (fused into the
 * convolution before it), max pooling, global average pooling, zero padding, flatten. These are the layers of
 * ResNet50 (ours and the Keras-imported pretrained one); anything else is refused with the layer's name and kind,
 * so the caller can fall back to the DL4J engine. Fusion only happens where the fused-away activation has no other
 * reader, so every intermediate the plan keeps is exactly what DL4J computes.
 */
final class PlanBuilder {
    private final ComputationGraph graph;
    private final ComputationGraphConfiguration conf;
    private final String target;
    private final Map<String, Integer> readers = new HashMap<>();
    private final Map<String, Tensor> tensors = new HashMap<>();
    /** The step that produced a tensor and may still absorb what follows (BN, ReLU, addition). */
    private final Map<String, Step> open = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private InputStep inputStep;

    PlanBuilder(ComputationGraph graph, String target) {
        this.graph = graph;
        this.conf = graph.getConfiguration();
        this.target = target;
    }

    /** @throws UnsupportedGraphException naming the first layer this engine cannot run */
    NetworkPlan build(int inputSize) throws UnsupportedGraphException {
        if (conf.getNetworkInputs().size() != 1) {
            throw new UnsupportedGraphException("the graph has " + conf.getNetworkInputs().size()
                    + " inputs; the fast engine runs single-input image models");
        }
        String input = conf.getNetworkInputs().get(0);
        if (!input.equals(target) && !conf.getVertices().containsKey(target)) {
            throw new UnsupportedGraphException("the graph has no layer \"" + target + "\"");
        }
        Set<String> needed = ancestors(target);
        for (String v : needed) {
            for (String in : inputsOf(v)) {
                readers.merge(in, 1, Integer::sum);
            }
        }
        for (String name : conf.getTopologicalOrderStr()) {
            if (!needed.contains(name)) {
                continue;
            }
            if (name.equals(input)) {
                Tensor t = new Tensor(name, new Shape(inputSize, inputSize, inputChannels()));
                inputStep = new InputStep(t);
                add(inputStep, name);
            } else {
                translate(name, conf.getVertices().get(name));
            }
        }
        steps.forEach(s -> {
            if (s instanceof ConvStep c) {
                c.prepare();
            }
        });
        return new NetworkPlan(inputStep, steps, tensors.get(target));
    }

    private void translate(String name, GraphVertex v) throws UnsupportedGraphException {
        List<String> ins = inputsOf(name);
        if (v instanceof LayerVertex lv) {
            Layer layer = lv.getLayerConf().getLayer();
            if (lv.getPreProcessor() != null) {
                throw unsupported(name, "a layer with an input preprocessor (" + lv.getPreProcessor() + ")");
            }
            String in = ins.get(0);
            if (layer.getClass() == ConvolutionLayer.class) {
                convolution(name, (ConvolutionLayer) layer, in);
            } else if (layer instanceof BatchNormalization bn) {
                batchNorm(name, bn, in);
            } else if (layer instanceof ActivationLayer a) {
                activation(name, a.getActivationFn(), in);
            } else if (layer.getClass() == SubsamplingLayer.class) {
                pooling(name, (SubsamplingLayer) layer, in);
            } else if (layer instanceof GlobalPoolingLayer gp && gp.getPoolingType() == PoolingType.AVG) {
                Shape s = tensor(in).shape;
                add(new GlobalAvgPoolStep(tensor(in), new Tensor(name, new Shape(1, 1, s.c()))), name);
            } else if (layer instanceof ZeroPaddingLayer zp) {
                int[] p = zp.getPadding(); // top, bottom, left, right
                Shape s = tensor(in).shape;
                add(new PadStep(tensor(in), new Tensor(name, new Shape(s.h() + p[0] + p[1], s.w() + p[2] + p[3],
                        s.c())), p[0], p[2]), name);
            } else {
                throw unsupported(name, layer.getClass().getSimpleName());
            }
        } else if (v instanceof ElementWiseVertex ew && ew.getOp() == ElementWiseVertex.Op.Add && ins.size() == 2) {
            addition(name, ins.get(0), ins.get(1));
        } else if (v instanceof PreprocessorVertex pv && pv.getPreProcessor() instanceof CnnToFeedForwardPreProcessor) {
            // Flattening changes no values: the embedding is read out channels-first at the end (as DL4J flattens).
            tensors.put(name, tensor(ins.get(0)));
        } else {
            throw unsupported(name, v.getClass().getSimpleName()
                    + (v instanceof ElementWiseVertex ew ? " " + ew.getOp() : ""));
        }
    }

    private void convolution(String name, ConvolutionLayer c, String in) throws UnsupportedGraphException {
        requireNchw(name, c.getCnn2dDataFormat());
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        int[] d = c.getDilation();
        if (s[0] != s[1] || d[0] != 1 || d[1] != 1) {
            throw unsupported(name, "a convolution with stride " + s[0] + "×" + s[1] + ", dilation " + d[0] + "×"
                    + d[1]);
        }
        Tensor x = tensor(in);
        Window w = window(name, c.getConvolutionMode(), x.shape, k, s[0], c.getPadding());
        INDArray weights = graph.getLayer(name).getParam("W");
        INDArray bias = c.hasBias() ? graph.getLayer(name).getParam("b") : null;
        FoldedConv folded = new FoldedConv(weights, bias);
        if (folded.cin != x.shape.c()) {
            throw unsupported(name, "a convolution of " + folded.cin + " channels on " + x.shape);
        }
        boolean relu = isRelu(name, c.getActivationFn());
        add(new ConvStep(name, x, folded, new Shape(w.outH, w.outW, folded.cout), s[0], w.padTop, w.padLeft,
                relu), name);
    }

    private void batchNorm(String name, BatchNormalization bn, String in) throws UnsupportedGraphException {
        requireNchw(name, bn.getCnn2DFormat());
        if (!(open.get(in) instanceof ConvStep c) || c.relu() || c.hasResidual()) {
            throw unsupported(name, "a batch normalization that does not directly follow a convolution "
                    + "(the fast engine folds it into the convolution's weights)");
        }
        var layer = graph.getLayer(name);
        int n = c.conv().cout;
        double[] gamma = bn.isLockGammaBeta() ? filled(n, bn.getGamma()) : values(layer.getParam("gamma"));
        double[] beta = bn.isLockGammaBeta() ? filled(n, bn.getBeta()) : values(layer.getParam("beta"));
        double[] mean = values(layer.getParam("mean"));
        double[] var;
        if (bn.isUseLogStd()) {
            // DL4J keeps log10(std) and recovers the variance as (10^x)², then adds eps like the plain variance.
            double[] log10std = values(layer.getParam("log10stdev"));
            var = new double[n];
            for (int i = 0; i < n; i++) {
                double std = Math.pow(10, log10std[i]);
                var[i] = std * std;
            }
        } else {
            var = values(layer.getParam("var"));
        }
        c.conv().foldBatchNorm(gamma, beta, mean, var, bn.getEps());
        c.rename(name);
        // DL4J 1.0.0-M2.1's BatchNormalization layer ignores its configured activation (activate() returns the
        // normalised values): a ReLU after it takes an ActivationLayer, which is fused below like any other.
        replace(in, c, name);
    }

    private void activation(String name, IActivation fn, String in) throws UnsupportedGraphException {
        if (!isRelu(name, fn)) {
            tensors.put(name, tensor(in)); // identity
            return;
        }
        Step producer = open.get(in);
        if (producer instanceof ConvStep c && !c.relu()) {
            c.fuseRelu();
            c.rename(name);
            replace(in, c, name);
        } else if (producer instanceof AddStep a) {
            a.fuseRelu(name);
            replace(in, a, name);
        } else {
            add(new ReluStep(name, tensor(in)), name);
        }
    }

    /** Fuses x + y into the convolution that produced x or y when that convolution has no other reader. */
    private void addition(String name, String x, String y) throws UnsupportedGraphException {
        Tensor a = tensor(x);
        Tensor b = tensor(y);
        if (!a.shape.equals(b.shape)) {
            throw unsupported(name, "an addition of " + a.shape + " and " + b.shape);
        }
        for (String[] pair : new String[][]{{x, y}, {y, x}}) {
            if (open.get(pair[0]) instanceof ConvStep c && !c.relu() && !c.hasResidual()) {
                c.fuseResidual(tensor(pair[1]));
                c.rename(name);
                // It must run after the other operand exists; nothing else reads its output, so moving it is safe.
                steps.remove(c);
                steps.add(c);
                replace(pair[0], c, name);
                return;
            }
        }
        add(new AddStep(name, a, b), name);
    }

    private void pooling(String name, SubsamplingLayer p, String in) throws UnsupportedGraphException {
        requireNchw(name, p.getCnn2dDataFormat());
        int[] k = p.getKernelSize();
        int[] s = p.getStride();
        int[] d = p.getDilation();
        Tensor x = tensor(in);
        if (s[0] != s[1] || d[0] != 1 || d[1] != 1) {
            throw unsupported(name, "a pooling with stride " + s[0] + "×" + s[1] + ", dilation " + d[0] + "×" + d[1]);
        }
        Window w = window(name, p.getConvolutionMode(), x.shape, k, s[0], p.getPadding());
        if (p.getPoolingType() == PoolingType.MAX) {
            add(new MaxPoolStep(x, new Tensor(name, new Shape(w.outH, w.outW, x.shape.c())), k[0], k[1], s[0],
                    w.padTop, w.padLeft), name);
        } else if (p.getPoolingType() == PoolingType.AVG && w.outH == 1 && w.outW == 1 && k[0] == x.shape.h()
                && k[1] == x.shape.w() && w.padTop == 0 && w.padLeft == 0) {
            add(new GlobalAvgPoolStep(x, new Tensor(name, new Shape(1, 1, x.shape.c()))), name);
        } else {
            throw unsupported(name, p.getPoolingType() + " pooling " + k[0] + "×" + k[1] + "/" + s[0] + " on "
                    + x.shape + " (only max pooling and a global average pooling)");
        }
    }

    /** Output size and top/left padding as DL4J computes them for each convolution mode. */
    private Window window(String name, ConvolutionMode mode, Shape in, int[] k, int stride, int[] pad)
            throws UnsupportedGraphException {
        return switch (mode) {
            case Truncate, Strict -> new Window((in.h() + 2 * pad[0] - k[0]) / stride + 1,
                    (in.w() + 2 * pad[1] - k[1]) / stride + 1, pad[0], pad[1]);
            case Same -> {
                int oh = (in.h() + stride - 1) / stride;
                int ow = (in.w() + stride - 1) / stride;
                yield new Window(oh, ow, Math.max(0, (oh - 1) * stride + k[0] - in.h()) / 2,
                        Math.max(0, (ow - 1) * stride + k[1] - in.w()) / 2);
            }
            default -> throw unsupported(name, "convolution mode " + mode);
        };
    }

    private record Window(int outH, int outW, int padTop, int padLeft) {
    }

    private void add(Step step, String name) {
        steps.add(step);
        tensors.put(name, step.output());
        if (readers.getOrDefault(name, 0) == 1 && !name.equals(target)) {
            open.put(name, step);
        }
    }

    /** {@code step} now produces {@code name} instead of {@code old}. */
    private void replace(String old, Step step, String name) {
        open.remove(old);
        tensors.remove(old);
        tensors.put(name, step.output());
        if (readers.getOrDefault(name, 0) == 1 && !name.equals(target)) {
            open.put(name, step);
        }
    }

    private Tensor tensor(String name) {
        return tensors.get(name);
    }

    private int inputChannels() throws UnsupportedGraphException {
        for (String name : conf.getTopologicalOrderStr()) {
            if (conf.getVertices().get(name) instanceof LayerVertex lv
                    && lv.getLayerConf().getLayer() instanceof ConvolutionLayer c) {
                return (int) c.getNIn();
            }
        }
        throw new UnsupportedGraphException("the graph has no convolution");
    }

    private Set<String> ancestors(String v) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(v));
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (seen.add(x)) {
                todo.addAll(inputsOf(x));
            }
        }
        return seen;
    }

    private List<String> inputsOf(String v) {
        List<String> in = conf.getVertexInputs().get(v);
        return in == null ? List.of() : in;
    }

    private static boolean isRelu(String name, IActivation fn) throws UnsupportedGraphException {
        if (fn == null || fn instanceof ActivationIdentity) {
            return false;
        }
        if (fn.equals(new ActivationReLU())) {
            return true;
        }
        throw unsupported(name, "activation " + fn);
    }

    private static void requireNchw(String name, CNN2DFormat format) throws UnsupportedGraphException {
        if (format != null && format != CNN2DFormat.NCHW) {
            throw unsupported(name, "a " + format + " layer");
        }
    }

    private static double[] values(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    private static double[] filled(int n, double v) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }

    private static UnsupportedGraphException unsupported(String layer, String what) {
        return new UnsupportedGraphException("layer \"" + layer + "\" is " + what
                + ", which the fast engine does not run");
    }
}
