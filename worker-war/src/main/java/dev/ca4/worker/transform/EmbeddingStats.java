package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.record.RecordOrigin;
import org.bson.Document;

/** The embedding's dimension, L2 norm and the vector itself, in the configured {@link EmbeddingFormat}. */
public class EmbeddingStats implements DocumentTransform {
    private final EmbeddingFormat format;

    public EmbeddingStats(EmbeddingFormat format) {
        this.format = format;
    }

    @Override
    public void apply(Document doc, GpuMetadataEvent e, RecordOrigin origin) {
        float[] v = e.embedding().values();
        doc.append("embedding", new Document("dim", v.length).append("norm", e.embedding().l2Norm())
                .append("values", format.encode(v)));
    }
}
