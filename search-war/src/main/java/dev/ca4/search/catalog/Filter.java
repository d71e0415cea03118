package dev.ca4.search.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * A query's filter: {@code model.name}, {@code source.run_id} and {@code tags.<name>}, each an exact match, all of
 * them required. An empty filter lets every entry through.
 */
public record Filter(String modelName, String runId, Map<String, String> tags) {
    public static final Filter NONE = new Filter(null, null, Map.of());

    public Filter {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean matches(Entry e) {
        if (modelName != null && !modelName.equals(e.modelName())) {
            return false;
        }
        if (runId != null && !runId.equals(e.runId())) {
            return false;
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (!Objects.equals(t.getValue(), e.tags().get(t.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return modelName == null && runId == null && tags.isEmpty();
    }
}
