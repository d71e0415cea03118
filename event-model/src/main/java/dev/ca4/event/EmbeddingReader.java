package dev.ca4.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Reads {@code embedding}: {@code {dim, values: [numbers]}} or {@code {dim, values_b64}}, exactly one of the two,
 * length equal to dim, every value finite as float32 (a double beyond float range would become infinite).
 */
final class EmbeddingReader {

    private EmbeddingReader() {
    }

    static Embedding read(FieldReader top) {
        JsonNode node = top.object("embedding", true);
        if (node == null) {
            return null;
        }
        FieldReader r = new FieldReader(node, "embedding", top.violations());
        r.rejectUnknown(Set.of("dim", "values", "values_b64"));
        Long dim = r.integer("dim", true, 1, EventValidator.MAX_DIM);
        float[] values = EmbeddingValues.read(r);
        if (values == null || dim == null) {
            return null;
        }
        if (values.length != dim) {
            r.fail(r.has("values") ? "values" : "values_b64", "length",
                    "has " + values.length + " values but dim is " + dim);
            return null;
        }
        return new Embedding(values);
    }
}
