package dev.ca4.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Reads a vector given as {@code values} (an array of numbers) or {@code values_b64} (base64 of little-endian
 * float32), exactly one of the two, every value finite as float32. The event's {@code embedding} and the search
 * API's query vector are read by this one set of rules, so both name a bad field the same way.
 */
public final class EmbeddingValues {

    private EmbeddingValues() {
    }

    /**
     * The values of {@code object} (whose JSON path is {@code path}, "" for the top level), or null with every broken
     * rule added to {@code violations}.
     */
    public static float[] read(JsonNode object, String path, List<Violation> violations) {
        return read(new FieldReader(object, path, violations));
    }

    static float[] read(FieldReader r) {
        boolean hasValues = r.has("values");
        boolean hasB64 = r.has("values_b64");
        if (hasValues == hasB64) {
            r.fail(hasValues ? "values_b64" : "values", "exactly-one",
                    "exactly one of " + r.path("values") + " and " + r.path("values_b64") + " must be given");
            return null;
        }
        float[] values = hasValues ? fromArray(r.object().get("values"), r) : fromBase64(r);
        if (values == null) {
            return null;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                String field = hasValues ? "values[" + i + "]" : "values_b64";
                r.fail(field, "finite", "value " + i + " is not a finite float32 number");
                return null;
            }
        }
        return values;
    }

    private static float[] fromArray(JsonNode array, FieldReader r) {
        if (!array.isArray()) {
            r.fail("values", "type:array", "must be an array of numbers");
            return null;
        }
        if (array.size() > EventValidator.MAX_DIM) {
            r.fail("values", "length", "must have at most " + EventValidator.MAX_DIM + " values");
            return null;
        }
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber()) {
                r.fail("values[" + i + "]", "type:number", "must be a number");
                return null;
            }
            values[i] = (float) v.doubleValue();
        }
        return values;
    }

    private static float[] fromBase64(FieldReader r) {
        String text = r.string("values_b64", true, (EventValidator.MAX_DIM * Float.BYTES + 2) / 3 * 4);
        if (text == null) {
            return null;
        }
        try {
            byte[] bytes = EmbeddingCodec.decodeBase64(text);
            if (bytes.length % Float.BYTES != 0) {
                r.fail("values_b64", "length", "must decode to a multiple of 4 bytes (float32), got " + bytes.length);
                return null;
            }
            return EmbeddingCodec.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            r.fail("values_b64", "format:base64", "must be standard base64 of little-endian float32 values");
            return null;
        }
    }
}
