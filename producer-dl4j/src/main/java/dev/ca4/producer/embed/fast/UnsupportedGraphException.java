package dev.ca4.producer.embed.fast;

/** The graph has a layer or shape the fast engine cannot run; the message names it. */
public final class UnsupportedGraphException extends Exception {
    public UnsupportedGraphException(String message) {
        super(message);
    }
}
