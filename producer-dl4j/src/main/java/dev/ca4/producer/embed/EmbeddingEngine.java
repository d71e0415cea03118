package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;

/**
 * Turns a batch of preprocessed images into embeddings. The seam for other inference engines (a faster graph, a
 * different runtime): the pipeline knows only this interface. Implementations need not be thread-safe; the
 * pipeline calls {@link #embed} from one thread.
 */
public interface EmbeddingEngine extends AutoCloseable {

    /** What the events say about the model: name, weights, framework, layer. */
    GpuMetadataEvent.ModelInfo model();

    /**
     * @param inputs each a channels-first 3×224×224 tensor as {@code ResNetPreprocessor} makes it
     * @return one embedding per input, in order
     */
    float[][] embed(float[][] inputs);

    @Override
    void close();
}
