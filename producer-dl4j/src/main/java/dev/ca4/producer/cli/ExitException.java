package dev.ca4.producer.cli;

/** Ends the command with an exit code and a one-line message for stderr. */
public final class ExitException extends RuntimeException {
    private final int status;

    public ExitException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
