package dev.ca4.worker.archive;

import java.time.Instant;

/** Where an archived event is: row {@code row} of segment object {@code key}, sealed at {@code sealedAt}. */
public record RowPlacement(String key, int row, Instant sealedAt) {
}
