package dev.ca4.producer.embed;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * ImageNet weights exported from {@code keras.applications.ResNet50} (Colab's own Keras: the notebook's export
 * cell) as a NumPy {@code .npz}: one array per {@code <keras layer>/<weight>}, e.g. {@code conv1_conv/kernel},
 * {@code conv2_block1_1_bn/moving_variance}, {@code predictions/bias}, in Keras' own shapes. They are loaded into
 * {@link ResNet50Graph} in its {@link ResNet50Graph.Layout#KERAS_APPLICATIONS} layout, layer by layer; a file whose
 * names or shapes do not match is refused, naming the layer. Conversions: a convolution kernel (kh, kw, in, out)
 * becomes DL4J's (out, in, kh, kw); batch-norm gamma, beta, moving_mean, moving_variance fill gamma, beta, mean,
 * var; the dense kernel (2048, 1000) is DL4J's (nIn, nOut) as it is.
 */
public final class KerasWeights {

    /** The file extension {@code --weights} recognises. */
    public static final String EXTENSION = ".npz";
    private static final Pattern BLOCK_LAYER = Pattern.compile("(res|bn)(\\d)([a-f])_branch(1|2a|2b|2c)");
    private static final long SEED = 42; // every parameter is overwritten; the seed only makes a refusal repeatable

    private KerasWeights() {
    }

    /** Reads {@code npz} into a new ResNet50; the file must hold every weight of it and nothing else. */
    public static ComputationGraph load(Path npz) throws WeightsException {
        if (!Files.isRegularFile(npz)) {
            throw new WeightsException("weights file not found: " + npz.toAbsolutePath());
        }
        requireStoredNpz(npz);
        Map<String, INDArray> arrays;
        try {
            arrays = new LinkedHashMap<>(Nd4j.createFromNpzFile(npz.toFile()));
        } catch (Exception | LinkageError e) {
            throw new WeightsException("cannot read " + npz.toAbsolutePath() + " as a NumPy .npz file (" + e + ")", e);
        }
        ComputationGraph graph = ResNet50Graph.randomlyInitialised(SEED, ResNet50Graph.Layout.KERAS_APPLICATIONS);
        try {
            List<String> problems = new ArrayList<>();
            for (Layer layer : graph.getLayers()) {
                String ours = layer.conf().getLayer().getLayerName();
                for (Map.Entry<String, String> p : parameters(layer).entrySet()) {
                    String key = kerasLayer(ours) + "/" + p.getValue();
                    INDArray value = arrays.remove(key);
                    if (value == null) {
                        problems.add(key + " is missing (layer " + kerasLayer(ours) + ")");
                        continue;
                    }
                    INDArray target = layer.getParam(p.getKey());
                    INDArray converted = toDl4j(p.getKey(), value.castTo(DataType.FLOAT));
                    if (!Arrays.equals(converted.shape(), target.shape()) && !(converted.length() == target.length()
                            && converted.rank() == 1)) {
                        problems.add(key + " has shape " + Arrays.toString(value.shape()) + ", layer "
                                + kerasLayer(ours) + " needs " + Arrays.toString(kerasShape(p.getKey(), target)));
                        continue;
                    }
                    target.assign(converted.reshape(target.shape()));
                }
            }
            if (!arrays.isEmpty()) {
                problems.add("not weights of ResNet50: " + new TreeSet<>(arrays.keySet()));
            }
            if (!problems.isEmpty()) {
                throw new WeightsException(npz.getFileName() + " does not match keras.applications.ResNet50 ("
                        + problems.size() + " problem(s)): " + String.join("; ", problems.subList(0,
                        Math.min(5, problems.size()))) + (problems.size() > 5 ? "; …" : ""));
            }
            return graph;
        } catch (WeightsException | RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** ND4J reads the arrays of np.savez only; np.savez_compressed's would fail with "Unsupported data type". */
    private static void requireStoredNpz(Path npz) throws WeightsException {
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getMethod() != ZipEntry.STORED) {
                    throw new WeightsException(npz.getFileName() + " was written with np.savez_compressed (" + e.getName()
                            + " is deflated); ND4J reads np.savez files only: export again with np.savez");
                }
            }
        } catch (IOException e) {
            throw new WeightsException("cannot read " + npz.toAbsolutePath() + " as a NumPy .npz file (not a zip: "
                    + e.getMessage() + ")", e);
        }
    }

    /** DL4J parameter name to Keras weight name, for the layers that have weights. */
    private static Map<String, String> parameters(Layer layer) {
        var conf = layer.conf().getLayer();
        Map<String, String> names = new LinkedHashMap<>();
        if (conf instanceof ConvolutionLayer || conf instanceof OutputLayer) {
            names.put("W", "kernel");
            names.put("b", "bias");
        } else if (conf instanceof BatchNormalization) {
            names.put("gamma", "gamma");
            names.put("beta", "beta");
            names.put("mean", "moving_mean");
            names.put("var", "moving_variance");
        }
        return names;
    }

    /**
     * Our (Keras 2.0) layer name to today's Keras name: {@code conv1} → {@code conv1_conv}, {@code bn_conv1} →
     * {@code conv1_bn}, {@code res3b_branch2a} → {@code conv3_block2_1_conv}, {@code bn3a_branch1} →
     * {@code conv3_block1_0_bn}, {@code fc1000} → {@code predictions}.
     */
    static String kerasLayer(String ours) {
        switch (ours) {
            case "conv1":
                return "conv1_conv";
            case "bn_conv1":
                return "conv1_bn";
            case "fc1000":
                return "predictions";
            default:
                Matcher m = BLOCK_LAYER.matcher(ours);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a ResNet50 layer with weights: " + ours);
                }
                int conv = switch (m.group(4)) {
                    case "1" -> 0;
                    case "2a" -> 1;
                    case "2b" -> 2;
                    default -> 3;
                };
                return "conv" + m.group(2) + "_block" + (m.group(3).charAt(0) - 'a' + 1) + "_" + conv + "_"
                        + (m.group(1).equals("res") ? "conv" : "bn");
        }
    }

    private static INDArray toDl4j(String param, INDArray keras) {
        return param.equals("W") && keras.rank() == 4 ? keras.permute(3, 2, 0, 1).dup('c') : keras;
    }

    private static long[] kerasShape(String param, INDArray dl4j) {
        long[] s = dl4j.shape();
        if (param.equals("W") && s.length == 4) {
            return new long[]{s[2], s[3], s[1], s[0]};
        }
        return param.equals("W") ? s : new long[]{dl4j.length()};
    }
}
