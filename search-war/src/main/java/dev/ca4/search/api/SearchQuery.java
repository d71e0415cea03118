package dev.ca4.search.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EmbeddingValues;
import dev.ca4.event.EventJson;
import dev.ca4.event.Violation;
import dev.ca4.search.catalog.Filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query read from the API: {@code POST /search}'s body ({@code values} or {@code values_b64}, {@code k},
 * {@code filter}), or {@code GET /similar}'s parameters. Every broken rule is collected and named by its field, as
 * the processor names an event's.
 */
public record SearchQuery(float[] vector, int k, Filter filter) {
    public static final int DEFAULT_K = 10;
    static final String MODEL = "model.name";
    static final String RUN = "source.run_id";
    static final String TAG = "tags.";
    private static final Set<String> FIELDS = Set.of("values", "values_b64", "k", "filter");

    /** The body of POST /search, for an index of this dimension. */
    public static SearchQuery fromBody(byte[] body, int dimension, int maxK) throws Invalid {
        JsonNode root;
        try {
            root = EventJson.parse(body);
        } catch (EventJson.MalformedJsonException e) {
            throw new Invalid(List.of(Violation.of("$", "json", "is not valid JSON: " + e.getMessage())));
        }
        List<Violation> violations = new ArrayList<>();
        if (!root.isObject()) {
            throw new Invalid(List.of(Violation.of("$", "type:object", "must be a JSON object")));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                violations.add(Violation.of(name, "unknown-field", "is not a field of a search query (values, values_b64, k, filter)"));
            }
        }
        float[] vector = EmbeddingValues.read(root, "", violations);
        if (vector != null && vector.length != dimension) {
            violations.add(Violation.of(root.has("values") ? "values" : "values_b64", "length",
                    "has " + vector.length + " values; the index holds " + dimension + "-dimensional embeddings"));
        }
        Integer k = DEFAULT_K;
        JsonNode kNode = root.get("k");
        if (kNode != null && !kNode.isNull()) {
            if (kNode.isIntegralNumber() && kNode.canConvertToInt()) {
                k = checkK(kNode.intValue(), maxK, violations);
            } else {
                violations.add(Violation.of("k", "type:integer", "must be an integer from 1 to " + maxK));
            }
        }
        Map<String, String> filterFields = new HashMap<>();
        JsonNode filter = root.get("filter");
        if (filter != null && !filter.isNull()) {
            if (!filter.isObject()) {
                violations.add(Violation.of("filter", "type:object", "must be an object of field: value"));
            } else {
                filter.fields().forEachRemaining(f -> {
                    if (f.getValue().isTextual()) {
                        filterFields.put(f.getKey(), f.getValue().textValue());
                    } else {
                        violations.add(Violation.of("filter." + f.getKey(), "type:string", "must be a string"));
                    }
                });
            }
        }
        Filter f = filter(filterFields, "filter.", violations);
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return new SearchQuery(vector, k, f);
    }

    /** k and the filter of GET /similar (query parameters {@code k}, {@code model.name}, {@code tags.<name>}, ...). */
    public static SearchQuery fromParameters(String k, Map<String, String> filterParameters, int maxK) throws Invalid {
        List<Violation> violations = new ArrayList<>();
        Integer kValue = DEFAULT_K;
        if (k != null) {
            try {
                kValue = checkK(Integer.parseInt(k.strip()), maxK, violations);
            } catch (NumberFormatException e) {
                violations.add(Violation.of("k", "type:integer", "must be an integer from 1 to " + maxK));
            }
        }
        Filter f = filter(filterParameters, "", violations);
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return new SearchQuery(null, kValue, f);
    }

    private static Integer checkK(int k, int maxK, List<Violation> violations) {
        if (k < 1 || k > maxK) {
            violations.add(Violation.of("k", "range", "must be from 1 to " + maxK + ", not " + k));
            return null;
        }
        return k;
    }

    private static Filter filter(Map<String, String> fields, String prefix, List<Violation> violations) {
        String model = null;
        String run = null;
        Map<String, String> tags = new HashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String name = e.getKey();
            if (name.equals(MODEL)) {
                model = e.getValue();
            } else if (name.equals(RUN)) {
                run = e.getValue();
            } else if (name.startsWith(TAG) && name.length() > TAG.length()) {
                tags.put(name.substring(TAG.length()), e.getValue());
            } else {
                violations.add(Violation.of(prefix + name, "unknown-field",
                        "is not a filter field (model.name, source.run_id, tags.<name>)"));
            }
        }
        return new Filter(model, run, tags);
    }

    /** The query broke these rules. */
    public static final class Invalid extends Exception {
        private final List<Violation> violations;

        public Invalid(List<Violation> violations) {
            super(violations.get(0).message());
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }
}
