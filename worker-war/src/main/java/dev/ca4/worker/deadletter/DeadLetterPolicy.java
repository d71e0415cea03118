package dev.ca4.worker.deadletter;

import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.worker.record.DeadLetterReason;

import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides whether a failure is a data error (the record can never be stored: dead-letter it
 * and move on) or an infrastructure error (retry in place, acknowledge nothing). Everything that cannot be
 * decoded is a data error; of the store's per-document errors only the codes below are (mongo-kafka's
 * errors.tolerance=data split). Any other failure (no server, timeout, S3 down, an unknown code) is retried.
 */
public final class DeadLetterPolicy {

    /**
     * Store error codes retrying cannot fix: BadValue 2, FailedToParse 9, TypeMismatch 14 is not here (a bug of
     * ours, not of the event), DocumentValidationFailure 121, BSONObjectTooLarge 10334, 17419 and 17280 (document
     * or key too large), 16755 (bad geo), 52/56/57 (invalid field names), DuplicateKey 11000 of a unique index
     * other than {@code _id} (a duplicate {@code _id} is an event already stored, never an error: BulkWriter).
     */
    private static final Set<Integer> DATA_ERROR_CODES = Set.of(2, 9, 10334, 17419, 121, 17280, 16755, 52, 56, 57,
            11000);

    private DeadLetterPolicy() {
    }

    public static DeadLetterReason notJson(EventJson.MalformedJsonException e) {
        return DeadLetterReason.notJson(e.getMessage());
    }

    /**
     * A record that breaks the schema, a missing {@code event_id} included (the validator requires it: without it a
     * redelivery could not be recognised), can never be stored.
     */
    public static Optional<DeadLetterReason> invalid(EventValidator.Result result) {
        return result.valid() ? Optional.empty() : Optional.of(DeadLetterReason.invalid(result.violations()));
    }

    /** A store's per-document write error: a reason to dead-letter, or empty to retry the segment. */
    public static Optional<DeadLetterReason> storeError(int code, String message) {
        return DATA_ERROR_CODES.contains(code)
                ? Optional.of(DeadLetterReason.storeRefused("store refused the document: code " + code + ", " + message))
                : Optional.empty();
    }
}
