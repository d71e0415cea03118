package dev.ca4.producer.image;

/** An input that cannot be turned into a model input: not an image, unreadable, or an unsupported variant. */
public final class ImageException extends Exception {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
