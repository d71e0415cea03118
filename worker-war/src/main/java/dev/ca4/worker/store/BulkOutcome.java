package dev.ca4.worker.store;

import java.util.Map;
import java.util.Set;

/**
 * What one bulk write did, by index into the batch: newly stored, or refused by the store (its error code and
 * message); every other index was already present (a redelivery, not written again).
 */
public record BulkOutcome(int size, Set<Integer> inserted, Map<Integer, WriteError> errors) {

    public record WriteError(int code, String message) {
    }
}
