package dev.ca4.processor.api;

/**
 * The status of a batch answer, from how its items fared: 400 when no item is valid (nothing was published),
 * 503 when Kafka took none of the valid items and no item was invalid (the whole batch can be retried as is),
 * 202 when every item was accepted, 207 (a per-item answer) otherwise.
 */
enum BatchStatus {
    ALL_ACCEPTED(202), MIXED(207), ALL_INVALID(400), KAFKA_UNAVAILABLE(503);

    final int code;

    BatchStatus(int code) {
        this.code = code;
    }

    /** Before publishing: whether the batch is refused outright because none of its {@code size} items is valid. */
    static boolean allInvalid(int size, int invalid) {
        return invalid == size;
    }

    /** After publishing the valid items: {@code invalid + accepted + failed == size}. */
    static BatchStatus of(int size, int invalid, int accepted) {
        if (size < 1 || invalid < 0 || accepted < 0 || invalid + accepted > size) {
            throw new IllegalArgumentException("size " + size + ", invalid " + invalid + ", accepted " + accepted);
        }
        int failed = size - invalid - accepted;
        if (allInvalid(size, invalid)) {
            return ALL_INVALID;
        }
        if (accepted == 0 && failed > 0 && invalid == 0) {
            return KAFKA_UNAVAILABLE;
        }
        return accepted == size ? ALL_ACCEPTED : MIXED;
    }
}
