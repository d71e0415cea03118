package dev.ca4.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed fields out of one JSON object, recording a {@link Violation} (path + rule) for every
 * field that breaks a rule instead of throwing, so one request reports all of its problems at once.
 */
final class FieldReader {

    private final JsonNode object;
    private final String prefix;
    private final List<Violation> violations;

    FieldReader(JsonNode object, String path, List<Violation> violations) {
        this.object = object;
        this.prefix = path.isEmpty() ? "" : path + ".";
        this.violations = violations;
    }

    /** The object this reader reads. */
    JsonNode object() {
        return object;
    }

    List<Violation> violations() {
        return violations;
    }

    String path(String field) {
        return prefix + field;
    }

    void fail(String field, String rule, String message) {
        violations.add(Violation.of(path(field), rule, message));
    }

    /** Fields not in {@code known} are reported: a misspelt field must not be dropped silently. */
    void rejectUnknown(Set<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                fail(name, "unknown-field", "is not a field of schema version 1");
            }
        }
    }

    private JsonNode present(String field) {
        JsonNode n = object.get(field);
        return n == null || n.isNull() ? null : n;
    }

    boolean has(String field) {
        return present(field) != null;
    }

    /** The nested object, or null (with a violation if it is present but not an object, or required). */
    JsonNode object(String field, boolean required) {
        JsonNode n = present(field);
        if (n == null) {
            if (required) {
                fail(field, "required", "is required");
            }
            return null;
        }
        if (!n.isObject()) {
            fail(field, "type:object", "must be an object");
            return null;
        }
        return n;
    }

    String string(String field, boolean required, int maxLength) {
        JsonNode n = present(field);
        if (n == null) {
            if (required) {
                fail(field, "required", "is required");
            }
            return null;
        }
        if (!n.isTextual()) {
            fail(field, "type:string", "must be a string");
            return null;
        }
        String s = n.textValue().strip();
        if (required && s.isEmpty()) {
            fail(field, "non-empty", "must not be blank");
            return null;
        }
        if (s.length() > maxLength) {
            fail(field, "max-length", "must be at most " + maxLength + " characters");
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    Long integer(String field, boolean required, long min, long max) {
        JsonNode n = present(field);
        if (n == null) {
            if (required) {
                fail(field, "required", "is required");
            }
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            fail(field, "type:integer", "must be an integer");
            return null;
        }
        long v = n.longValue();
        if (v < min || v > max) {
            fail(field, "range", "must be between " + min + " and " + max);
            return null;
        }
        return v;
    }

    Double nonNegativeNumber(String field) {
        JsonNode n = present(field);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            fail(field, "type:number", "must be a number");
            return null;
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v) || v < 0) {
            fail(field, "minimum", "must be a finite number >= 0");
            return null;
        }
        return v;
    }
}
