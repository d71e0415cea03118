package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.embed.fast.FastPlans;
import dev.ca4.producer.embed.fast.NetworkPlan;
import dev.ca4.producer.embed.fast.UnsupportedGraphException;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * ResNet50 on the CPU without DL4J's layer code: the weights come from the same {@link ComputationGraph} the DL4J
 * engine would run (random, imagenet or a saved file), batch normalizations are folded into the convolutions once,
 * and every convolution is one OpenBLAS sgemm over the batch in NHWC (see {@code embed.fast}). DL4J's layers run
 * ResNet50 at about a tenth of what sgemm allows on this CPU; this engine is what {@code --engine fast} picks.
 * Its embeddings equal the DL4J engine's within float32 rounding ({@code FastResNet50EngineTest}).
 */
public final class FastResNet50Engine implements EmbeddingEngine {
    private final NetworkPlan plan;
    private final GpuMetadataEvent.ModelInfo model;

    /**
     * Reads the weights; the graph itself is not needed afterwards (the caller may close it).
     *
     * @throws WeightsException when the graph lacks {@code layer} or has a layer this engine does not run on the
     *                          way to it (the message names it and suggests {@code --engine dl4j})
     */
    public FastResNet50Engine(ComputationGraph graph, String layer, GpuMetadataEvent.ModelInfo model, int inputSize,
                              int threads) throws WeightsException {
        Dl4jEngine.requireLayer(graph, layer);
        try {
            this.plan = FastPlans.compile(graph, layer, inputSize, threads);
        } catch (UnsupportedGraphException e) {
            throw new WeightsException("the fast engine cannot run this model up to \"" + layer + "\": "
                    + e.getMessage() + " (use --engine dl4j)", e);
        } catch (UnsatisfiedLinkError e) {
            throw new WeightsException("the fast engine needs OpenBLAS, which this build does not carry ("
                    + e.getMessage() + "); use --engine dl4j", e);
        }
        this.model = model;
    }

    @Override
    public GpuMetadataEvent.ModelInfo model() {
        return model;
    }

    @Override
    public float[][] embed(float[][] inputs) {
        return plan.run(inputs);
    }

    /** The plan, for the benchmark's per-layer-kind profile. */
    public NetworkPlan plan() {
        return plan;
    }

    @Override
    public void close() {
        plan.close();
    }
}
