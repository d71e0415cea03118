package dev.ca4.producer.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * The processor's answer to one batch POST, read per item: 202 all accepted; 207 per-item statuses; a retryable
 * status (or no answer) retries every item; any other status ends every item with the problem's message.
 */
record BatchAnswer(int status, JsonNode body, boolean retryable, Duration retryAfter, String error) {

    BatchAnswer(int status, JsonNode body, boolean retryable, Duration retryAfter) {
        this(status, body, retryable, retryAfter, null);
    }

    static BatchAnswer noAnswer(String error) {
        return new BatchAnswer(0, null, true, null, error);
    }

    /** The final outcome of the item at {@code index} of the posted batch, or null when it is to be retried. */
    Outcome outcome(int index, String eventId) {
        if (status == 202) {
            return Outcome.accepted(eventId);
        }
        if (status == 207) {
            JsonNode item = body.path("results").path(index);
            int s = item.path("status").asInt();
            if (s == 202) {
                return Outcome.accepted(eventId);
            }
            if (s == 429 || s >= 500) {
                return null;
            }
            return new Outcome(eventId, Outcome.Kind.REJECTED, s, itemMessage(item));
        }
        if (retryable) {
            return null;
        }
        if (error != null) {
            return new Outcome(eventId, Outcome.Kind.FAILED, status, error);
        }
        Outcome.Kind kind = status >= 400 && status < 500 ? Outcome.Kind.REJECTED : Outcome.Kind.FAILED;
        return new Outcome(eventId, kind, status, "HTTP " + status + ": " + problemMessage());
    }

    /** Why a retry happens, for the log. */
    String reason() {
        return error != null ? error : "HTTP " + status + (body == null ? "" : ": " + problemMessage());
    }

    private String problemMessage() {
        String title = body.path("title").asText("");
        String detail = body.path("detail").asText("");
        return title.isEmpty() ? detail : detail.isEmpty() ? title : title + " (" + detail + ")";
    }

    private static String itemMessage(JsonNode item) {
        JsonNode errors = item.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            return errors.get(0).path("message").asText(item.path("detail").asText(""));
        }
        return item.path("detail").asText("status " + item.path("status").asInt());
    }
}
