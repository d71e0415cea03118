package dev.ca4.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Builds well-formed client events (JSON trees) with a random embedding: the sample traffic of
 * {@code make run} before a real producer runs, and the starting point tests break one rule at a time.
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** A valid event with {@code embedding.values} as a JSON number array. */
    public static ObjectNode withValues(UUID eventId, int dim, Random random) {
        ObjectNode event = base(eventId);
        ObjectNode embedding = event.putObject("embedding");
        embedding.put("dim", dim);
        ArrayNode values = embedding.putArray("values");
        for (float v : randomVector(dim, random)) {
            values.add(v);
        }
        return event;
    }

    /** A valid event with {@code embedding.values_b64}. */
    public static ObjectNode withBase64(UUID eventId, int dim, Random random) {
        ObjectNode event = base(eventId);
        ObjectNode embedding = event.putObject("embedding");
        embedding.put("dim", dim);
        embedding.put("values_b64", EmbeddingCodec.encodeBase64(randomVector(dim, random)));
        return event;
    }

    public static float[] randomVector(int dim, Random random) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) Math.abs(random.nextGaussian()); // post-ReLU pooled features are non-negative
        }
        return v;
    }

    private static ObjectNode base(UUID eventId) {
        ObjectNode e = EventJson.MAPPER.createObjectNode();
        e.put("schema_version", "1");
        if (eventId != null) {
            e.put("event_id", eventId.toString());
        }
        e.put("produced_at", Instant.now().toString());
        ObjectNode source = e.putObject("source");
        source.put("producer", "sample-events");
        source.put("run_id", "sample");
        source.put("host", "localhost");
        ObjectNode image = e.putObject("image");
        image.put("id", "sample/" + (eventId == null ? "anonymous" : eventId) + ".jpg");
        image.put("width", 224);
        image.put("height", 224);
        image.put("content_type", "image/jpeg");
        ObjectNode model = e.putObject("model");
        model.put("name", "resnet50");
        model.put("weights", "random");
        model.put("framework", "dl4j");
        model.put("layer", "flatten_1");
        ObjectNode gpu = e.putObject("gpu");
        gpu.put("backend", "cpu");
        gpu.put("name", "sample CPU");
        gpu.put("count", 0);
        ObjectNode timings = e.putObject("timings_ms");
        timings.put("preprocess", 1.5);
        timings.put("inference", 12.0);
        timings.put("total", 13.5);
        e.putObject("tags").put("origin", "sample");
        return e;
    }
}
