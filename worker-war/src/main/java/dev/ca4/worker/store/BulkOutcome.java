package dev.ca4.worker.store;

import java.util.Map;
import java.util.Set;

/**
 * What one bulk write did, by index into the batch: newly stored, already present (a duplicate delivery),
 * or refused by the store for a reason that retrying cannot fix (a data error, with its message).
 */
public record BulkOutcome(Set<Integer> inserted, Set<Integer> duplicates, Map<Integer, String> dataErrors) {
}
