package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.BuildInfo;
import dev.ca4.producer.FileDigest;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Resolves {@code --weights} into a DL4J engine: {@code imagenet} (pretrained, cached or downloaded and checked),
 * {@code random} (our standard ResNet50, seeded, explicit offline choice), a path to Keras' ImageNet weights
 * exported as {@code .npz} ({@link KerasWeights}) or a path to a saved ComputationGraph.
 * What was loaded is what {@code model.weights} says: {@code imagenet}, {@code random} or
 * {@code file:<name>@sha256:<first 12 hex>}.
 */
public final class WeightsLoader {
    private static final Logger LOG = Logger.getLogger(WeightsLoader.class.getName());

    public static final String IMAGENET = "imagenet";
    public static final String RANDOM = "random";
    public static final String FRAMEWORK = "dl4j-" + BuildInfo.DL4J_VERSION;
    /** Same seed, same random network, same embeddings: runs are comparable. */
    public static final long RANDOM_SEED = 42;

    private final PretrainedWeights pretrained;
    private final Duration downloadTimeout;

    public WeightsLoader(PretrainedWeights pretrained, Duration downloadTimeout) {
        this.pretrained = pretrained;
        this.downloadTimeout = downloadTimeout;
    }

    /** The DL4J engine (as {@code --engine dl4j}). */
    public EmbeddingEngine load(String weights, String modelName, String layer) throws WeightsException {
        return load(weights, modelName, layer, Engine.DL4J, 1);
    }

    /**
     * @param threads OpenBLAS threads of the fast engine (process-wide; ignored by the DL4J engine)
     */
    public EmbeddingEngine load(String weights, String modelName, String layer, Engine engine, int threads)
            throws WeightsException {
        long start = System.nanoTime();
        ComputationGraph graph;
        String label;
        switch (weights) {
            case RANDOM -> {
                graph = ResNet50Graph.randomlyInitialised(RANDOM_SEED);
                label = RANDOM;
            }
            case IMAGENET -> {
                graph = restore(pretrained.resolve(downloadTimeout));
                label = IMAGENET;
            }
            default -> {
                Path file = Path.of(weights);
                graph = file.getFileName().toString().endsWith(KerasWeights.EXTENSION) ? KerasWeights.load(file)
                        : restore(file);
                label = "file:" + file.getFileName() + "@sha256:" + sha256Prefix(file);
            }
        }
        var fastModel = new GpuMetadataEvent.ModelInfo(modelName, label, FRAMEWORK + "+fast-openblas", layer);
        var dl4jModel = new GpuMetadataEvent.ModelInfo(modelName, label, FRAMEWORK, layer);
        EmbeddingEngine result;
        if (engine == Engine.DL4J) {
            result = new Dl4jEngine(graph, layer, dl4jModel, ResNet50Graph.INPUT_SIZE);
        } else {
            try {
                result = new FastResNet50Engine(graph, layer, fastModel, ResNet50Graph.INPUT_SIZE, threads);
                graph.close(); // the fast engine copied what it needs
            } catch (WeightsException e) {
                if (engine == Engine.FAST) {
                    graph.close();
                    throw e;
                }
                LOG.warning(e.getMessage() + "; running it with DL4J's layers instead");
                result = new Dl4jEngine(graph, layer, dl4jModel, ResNet50Graph.INPUT_SIZE);
            }
        }
        String name = result instanceof FastResNet50Engine ? "fast" : "dl4j";
        LOG.info(() -> String.format("model ready (%s, %s engine) in %.1f s", weights, name,
                (System.nanoTime() - start) / 1e9));
        return result;
    }

    static ComputationGraph restore(Path file) throws WeightsException {
        if (!Files.isRegularFile(file)) {
            throw new WeightsException("weights file not found: " + file.toAbsolutePath()
                    + " (expected a DL4J ComputationGraph zip, as written by ModelSerializer or ComputationGraph.save)");
        }
        try {
            return ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (Exception | LinkageError e) {
            // DL4J reports a corrupt zip as IOException, a wrong model kind as various runtime exceptions.
            throw new WeightsException("cannot load weights from " + file.toAbsolutePath()
                    + ": not a readable DL4J ComputationGraph zip (" + e + ")", e);
        }
    }

    private static String sha256Prefix(Path file) throws WeightsException {
        try {
            return FileDigest.sha256(file).substring(0, 12);
        } catch (IOException e) {
            throw new WeightsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
