package dev.ca4.processor.publish;

/** Kafka did not acknowledge the record in time or refused it: the client should retry later. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
