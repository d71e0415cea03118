package dev.ca4.producer.embed;

/** The weights asked for cannot be had: missing or corrupt file, failed download, unknown layer. */
public final class WeightsException extends Exception {
    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
