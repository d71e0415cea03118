package dev.ca4.producer.client;

/**
 * What became of one event.
 *
 * @param status HTTP status the event ended with (202 accepted), 0 when no answer came, {@link #TLS_FAILED}
 *               when the TLS handshake failed (the server's certificate is not trusted)
 * @param detail the server's problem message or the last error; null when accepted
 */
public record Outcome(String eventId, Kind kind, int status, String detail) {

    /** {@link #status()} of an event whose POST failed the TLS handshake: nothing later can succeed either. */
    public static final int TLS_FAILED = -1;

    public enum Kind {
        /** The processor accepted it (Kafka acknowledged). */
        ACCEPTED,
        /** The processor refused it for good (4xx other than 429): retrying cannot help. */
        REJECTED,
        /** No acceptance before giving up (5xx, connection errors past the retry budget). */
        FAILED,
        /** Written to a JSON Lines file instead of posted (--output / --dry-run). */
        WRITTEN
    }

    public static Outcome accepted(String eventId) {
        return new Outcome(eventId, Kind.ACCEPTED, 202, null);
    }
}
