package dev.ca4.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A catalogue of invalid events, each breaking exactly one rule of schema version 1, with the field and
 * rule the validator must name. Shared (test-jar) with the processor's integration tests, which send
 * each one over HTTP.
 */
public final class BadEvents {

    public record Case(String name, String body, String field, String rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadEvents() {
    }

    private static Case mutate(String name, String field, String rule, Consumer<ObjectNode> change) {
        ObjectNode e = SampleEvents.withValues(UUID.randomUUID(), 8, new Random(7));
        change.accept(e);
        return new Case(name, e.toString(), field, rule);
    }

    public static List<Case> all() {
        return List.of(
                new Case("not JSON", "{\"event_id\": ", "$", "json"),
                new Case("JSON array instead of object", "[1,2]", "$", "type:object"),
                new Case("JSON string instead of object", "\"hello\"", "$", "type:object"),
                mutate("unsupported schema version", "schema_version", "enum", e -> e.put("schema_version", "2")),
                mutate("event_id not a UUID", "event_id", "format:uuid", e -> e.put("event_id", "abc")),
                mutate("produced_at missing", "produced_at", "required", e -> e.remove("produced_at")),
                mutate("produced_at without offset", "produced_at", "format:rfc3339",
                        e -> e.put("produced_at", "2026-01-01T10:00:00")),
                mutate("produced_at not a date", "produced_at", "format:rfc3339", e -> e.put("produced_at", "yesterday")),
                mutate("source missing", "source", "required", e -> e.remove("source")),
                mutate("source.producer blank", "source.producer", "non-empty",
                        e -> e.with("source").put("producer", "  ")),
                mutate("image.id missing", "image.id", "required", e -> e.with("image").remove("id")),
                mutate("image.width zero", "image.width", "range", e -> e.with("image").put("width", 0)),
                mutate("image.sha256 malformed", "image.sha256", "format:sha256",
                        e -> e.with("image").put("sha256", "xyz")),
                mutate("model.name missing", "model.name", "required", e -> e.with("model").remove("name")),
                mutate("embedding missing", "embedding", "required", e -> e.remove("embedding")),
                mutate("embedding.dim zero", "embedding.dim", "range", e -> e.with("embedding").put("dim", 0)),
                mutate("embedding.dim too large", "embedding.dim", "range", e -> e.with("embedding").put("dim", 8193)),
                mutate("embedding.dim a string", "embedding.dim", "type:integer",
                        e -> e.with("embedding").put("dim", "8")),
                mutate("embedding values length differs from dim", "embedding.values", "length",
                        e -> e.with("embedding").put("dim", 9)),
                mutate("embedding value not a number", "embedding.values[2]", "type:number",
                        e -> e.with("embedding").withArray("values").set(2, e.textNode("x"))),
                mutate("embedding value overflows float32", "embedding.values[0]", "finite",
                        e -> e.with("embedding").withArray("values").set(0, e.numberNode(1e300))),
                mutate("embedding with both forms", "embedding.values_b64", "exactly-one",
                        e -> e.with("embedding").put("values_b64", EmbeddingCodec.encodeBase64(new float[8]))),
                mutate("embedding with neither form", "embedding.values", "exactly-one",
                        e -> e.with("embedding").remove("values")),
                mutate("embedding values_b64 not base64", "embedding.values_b64", "format:base64", e -> {
                    e.with("embedding").remove("values");
                    e.with("embedding").put("values_b64", "***not base64***");
                }),
                mutate("embedding values_b64 NaN", "embedding.values_b64", "finite", e -> {
                    float[] v = new float[8];
                    v[3] = Float.NaN;
                    e.with("embedding").remove("values");
                    e.with("embedding").put("values_b64", EmbeddingCodec.encodeBase64(v));
                }),
                mutate("gpu missing", "gpu", "required", e -> e.remove("gpu")),
                mutate("gpu.backend unknown", "gpu.backend", "enum", e -> e.with("gpu").put("backend", "fpga")),
                mutate("gpu.count negative", "gpu.count", "range", e -> e.with("gpu").put("count", -1)),
                mutate("gpu.utilization_pct above 100", "gpu.utilization_pct", "range",
                        e -> e.with("gpu").put("utilization_pct", 101)),
                mutate("gpu.memory_used_mb negative", "gpu.memory_used_mb", "range",
                        e -> e.with("gpu").put("memory_used_mb", -1)),
                mutate("timings negative", "timings_ms.inference", "minimum",
                        e -> e.with("timings_ms").put("inference", -3)),
                mutate("tag value not a string", "tags.origin", "type:string", e -> e.with("tags").put("origin", 5)),
                mutate("too many tags", "tags", "max-entries", e -> {
                    for (int i = 0; i < 33; i++) {
                        e.with("tags").put("k" + i, "v");
                    }
                }),
                mutate("misspelt top-level field", "embeding", "unknown-field", e -> e.put("embeding", 1)));
    }
}
