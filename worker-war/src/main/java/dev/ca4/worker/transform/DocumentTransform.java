package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.record.RecordOrigin;
import org.bson.Document;

/** One step that adds derived fields to the stored document. */
public interface DocumentTransform {
    void apply(Document doc, GpuMetadataEvent event, RecordOrigin origin);
}
