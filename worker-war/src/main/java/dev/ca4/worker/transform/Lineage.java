package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.record.RecordOrigin;
import org.bson.Document;

/** Pipeline lineage: where the record was read from and which worker version stored it. */
public class Lineage implements DocumentTransform {
    private final String workerVersion;

    public Lineage(String workerVersion) {
        this.workerVersion = workerVersion;
    }

    @Override
    public void apply(Document doc, GpuMetadataEvent e, RecordOrigin origin) {
        doc.append("lineage", new Document("topic", origin.topic()).append("partition", origin.partition())
                .append("offset", origin.offset()).append("worker_version", workerVersion));
    }
}
