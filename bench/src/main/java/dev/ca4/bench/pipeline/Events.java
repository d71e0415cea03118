package dev.ca4.bench.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.event.SampleEvents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The bench's traffic, built with event-model's SampleEvents so it is exactly what a producer sends. */
public final class Events {

    /** How the embedding travels in a client body. */
    public enum Form { VALUES, B64 }

    private final int dim;
    private final Random random = new Random(42); // the same bodies every run

    public Events(int dim) {
        this.dim = dim;
    }

    public int dim() {
        return dim;
    }

    /** One client event without event_id: the processor makes a new id for every POST of the same body. */
    public byte[] clientBody(Form form) {
        return bytes(clientEvent(form, null));
    }

    /** A JSON array of {@code n} client events (values_b64, no event_id), for POST /metadata/batch. */
    public byte[] batchBody(int n) {
        ArrayNode array = EventJson.MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            array.add(clientEvent(Form.B64, null));
        }
        return bytes(array);
    }

    /**
     * A topic record's event as the processor publishes it (validated, normalized, received_at set), with a new
     * event_id; its embedding is shared with {@code like} so that building many costs little.
     */
    public GpuMetadataEvent topicEvent(GpuMetadataEvent like) {
        return new GpuMetadataEvent(like.schemaVersion(), UUID.randomUUID().toString(), like.producedAt(),
                Instant.now(), like.source(), like.image(), like.model(), like.embedding(), like.gpu(),
                like.timingsMs(), like.tags());
    }

    /** A validated event to copy topic events from. */
    public GpuMetadataEvent validatedEvent() {
        EventValidator.Result r = new EventValidator().validate(clientEvent(Form.B64, UUID.randomUUID()));
        if (!r.valid()) {
            throw new IllegalStateException("sample event is invalid: " + r.violations());
        }
        return r.event().withReceivedAt(Instant.now());
    }

    /**
     * A client body with event_id and produced_at left as placeholders, for the open-loop sender: each request's
     * id and intended send time are spliced in without serializing the embedding again.
     */
    public BodyTemplate template() {
        ObjectNode e = clientEvent(Form.B64, null);
        e.put("event_id", BodyTemplate.ID);
        e.put("produced_at", BodyTemplate.AT);
        return BodyTemplate.of(new String(bytes(e), StandardCharsets.UTF_8));
    }

    /** {@code n} templates, each with its own random embedding: events a similarity index can tell apart. */
    public List<BodyTemplate> distinctTemplates(int n) {
        List<BodyTemplate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(template());
        }
        return out;
    }

    private ObjectNode clientEvent(Form form, UUID id) {
        return form == Form.VALUES ? SampleEvents.withValues(id, dim, random) : SampleEvents.withBase64(id, dim, random);
    }

    private static byte[] bytes(Object node) {
        try {
            return EventJson.MAPPER.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
