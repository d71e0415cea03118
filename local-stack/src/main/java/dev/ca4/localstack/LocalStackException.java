package dev.ca4.localstack;

/** A failure of the local stack, with the kind the CLI maps to an exit code. */
public class LocalStackException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** A port the service needs is taken by a process that is not ours. */
        PORT_IN_USE,
        /** A service died or did not become ready in time. */
        START_FAILED,
        /** A service did not stop. */
        STOP_FAILED,
        /** A bad argument (unknown service name, bad number). */
        USAGE
    }

    private final Kind kind;

    public LocalStackException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LocalStackException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
