package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.consume.RecordOrigin;
import org.bson.Document;

import java.util.List;

/**
 * The ordered chain of steps that turns an event into its stored document. Timestamps of the write itself
 * (stored_at, latencies) are added by the writer, at write time.
 */
public final class DocumentTransforms {
    private final List<DocumentTransform> steps;

    public DocumentTransforms(String workerVersion) {
        this.steps = List.of(new EventFields(), new EmbeddingStats(), new GpuDetails(), new Lineage(workerVersion));
    }

    public Document toDocument(GpuMetadataEvent event, RecordOrigin origin) {
        Document doc = new Document();
        steps.forEach(s -> s.apply(doc, event, origin));
        return doc;
    }
}
