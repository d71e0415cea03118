package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Runs a DL4J {@link ComputationGraph} in inference mode and reads the activations of one vertex. */
public final class Dl4jEngine implements EmbeddingEngine {

    private final ComputationGraph graph;
    private final String layer;
    private final GpuMetadataEvent.ModelInfo model;
    private final int inputSize;

    /**
     * @throws WeightsException when the graph has no vertex named {@code layer}
     */
    public Dl4jEngine(ComputationGraph graph, String layer, GpuMetadataEvent.ModelInfo model, int inputSize)
            throws WeightsException {
        requireLayer(graph, layer);
        this.graph = graph;
        this.layer = layer;
        this.model = model;
        this.inputSize = inputSize;
    }

    @Override
    public GpuMetadataEvent.ModelInfo model() {
        return model;
    }

    @Override
    public float[][] embed(float[][] inputs) {
        int n = inputs.length;
        int plane = 3 * inputSize * inputSize;
        float[] flat = new float[n * plane];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inputs[i], 0, flat, i * plane, plane);
        }
        INDArray x = Nd4j.create(flat, new long[]{n, 3, inputSize, inputSize}, DataType.FLOAT);
        INDArray out = graph.output(List.of(layer), false, new INDArray[]{x}, null)[0];
        // A convolutional layer's activations are flattened per image; the embedding layer is already [n, dim].
        return out.reshape(n, out.length() / n).toFloatMatrix();
    }

    @Override
    public void close() {
        graph.close();
    }

    /** @throws WeightsException naming the last layers when the graph has no vertex {@code layer} */
    static void requireLayer(ComputationGraph graph, String layer) throws WeightsException {
        if (graph.getVertex(layer) == null) {
            throw new WeightsException("the model has no layer \"" + layer + "\"; its layers end with "
                    + lastVertices(graph) + " (choose one with --layer)");
        }
    }

    private static List<String> lastVertices(ComputationGraph graph) {
        var names = graph.getConfiguration().getTopologicalOrderStr();
        return names.subList(Math.max(0, names.size() - 4), names.size());
    }
}
