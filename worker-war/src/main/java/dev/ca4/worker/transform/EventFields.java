package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.record.RecordOrigin;
import org.bson.Document;

import java.util.Date;

/** The event's own fields, normalized: _id = event_id, timestamps as BSON dates. */
public class EventFields implements DocumentTransform {
    @Override
    public void apply(Document doc, GpuMetadataEvent e, RecordOrigin origin) {
        doc.append("_id", e.eventId()).append("event_id", e.eventId()).append("schema_version", e.schemaVersion())
                .append("produced_at", Date.from(e.producedAt()));
        if (e.receivedAt() != null) {
            doc.append("received_at", Date.from(e.receivedAt()));
        }
        GpuMetadataEvent.Source s = e.source();
        doc.append("source", compact(new Document("producer", s.producer()).append("run_id", s.runId())
                .append("host", s.host())));
        GpuMetadataEvent.ImageInfo i = e.image();
        doc.append("image", compact(new Document("id", i.id()).append("sha256", i.sha256()).append("width", i.width())
                .append("height", i.height()).append("content_type", i.contentType())));
        GpuMetadataEvent.ModelInfo m = e.model();
        doc.append("model", compact(new Document("name", m.name()).append("weights", m.weights())
                .append("framework", m.framework()).append("layer", m.layer())));
        if (e.timingsMs() != null) {
            GpuMetadataEvent.Timings t = e.timingsMs();
            doc.append("timings_ms", compact(new Document("preprocess", t.preprocess())
                    .append("inference", t.inference()).append("total", t.total())));
        }
        if (e.tags() != null) {
            doc.append("tags", new Document(e.tags()));
        }
    }

    /** Absent optional fields are left out rather than stored as null. */
    static Document compact(Document d) {
        d.values().removeIf(v -> v == null);
        return d;
    }
}
