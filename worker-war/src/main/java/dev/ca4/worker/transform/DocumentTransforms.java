package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.record.RecordOrigin;
import org.bson.Document;

import java.util.List;

/**
 * The ordered chain of steps that turns an event into its stored document. Timestamps of the write itself
 * (stored_at, latencies, the archive row) are added by {@link WriteStamp} when its segment is sealed.
 */
public final class DocumentTransforms {
    private final List<DocumentTransform> steps;

    public DocumentTransforms(String workerVersion, EmbeddingFormat embeddingFormat) {
        this.steps = List.of(new EventFields(), new EmbeddingStats(embeddingFormat), new GpuDetails(),
                new Lineage(workerVersion));
    }

    public Document toDocument(GpuMetadataEvent event, RecordOrigin origin) {
        Document doc = new Document();
        steps.forEach(s -> s.apply(doc, event, origin));
        return doc;
    }
}
