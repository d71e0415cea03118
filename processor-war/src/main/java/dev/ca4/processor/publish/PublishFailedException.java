package dev.ca4.processor.publish;

/**
 * Kafka did not acknowledge the record: the client should retry later with the same event_id. Whether the record
 * may still be on the topic decides what the API may tell the client (see {@link KafkaFailures}).
 */
public class PublishFailedException extends RuntimeException {
    private final boolean mayHaveBeenWritten;

    private PublishFailedException(String message, Throwable cause, boolean mayHaveBeenWritten) {
        super(message, cause);
        this.mayHaveBeenWritten = mayHaveBeenWritten;
    }

    /** The record never reached a broker: it is certainly not on the topic. */
    public static PublishFailedException notWritten(String message, Throwable cause) {
        return new PublishFailedException(message, cause, false);
    }

    /** The record may have been appended before the failure: the outcome is unknown. */
    public static PublishFailedException unconfirmed(String message, Throwable cause) {
        return new PublishFailedException(message, cause, true);
    }

    public boolean mayHaveBeenWritten() {
        return mayHaveBeenWritten;
    }
}
