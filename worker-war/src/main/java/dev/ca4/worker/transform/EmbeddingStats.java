package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.consume.RecordOrigin;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** The embedding as an array of numbers plus its dimension and L2 norm. */
public class EmbeddingStats implements DocumentTransform {
    @Override
    public void apply(Document doc, GpuMetadataEvent e, RecordOrigin origin) {
        float[] v = e.embedding().values();
        List<Double> values = new ArrayList<>(v.length);
        for (float f : v) {
            values.add((double) f); // exact: every float32 is a double
        }
        doc.append("embedding", new Document("dim", v.length).append("norm", e.embedding().l2Norm())
                .append("values", values));
    }
}
