package dev.ca4.worker.record;

import dev.ca4.event.Violation;

import java.util.List;

/**
 * Why a record can never be processed, versioned so consumers of the DLQ can parse it:
 * {@code v=1, code=<code>, message=<text>}.
 */
public record DeadLetterReason(String code, String message) {

    public static DeadLetterReason notJson(String detail) {
        return new DeadLetterReason("not-json", "v=1, code=not-json, message=" + detail);
    }

    public static DeadLetterReason invalid(List<Violation> violations) {
        Violation first = violations.get(0);
        return new DeadLetterReason("invalid-event", "v=1, code=invalid-event, message=" + first.message()
                + (violations.size() > 1 ? " (+" + (violations.size() - 1) + " more)" : ""));
    }

    public static DeadLetterReason storeRefused(String detail) {
        return new DeadLetterReason("store-refused", "v=1, code=store-refused, message=" + detail);
    }
}
