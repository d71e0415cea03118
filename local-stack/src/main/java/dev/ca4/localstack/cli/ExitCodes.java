package dev.ca4.localstack.cli;

/** The exit codes of every command, listed in the help. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A service died, did not become ready in time, or did not stop. */
    public static final int FAILED = 1;
    /** Bad arguments. */
    public static final int USAGE = 2;
    /** {@code status}: at least one service asked about is down. */
    public static final int NOT_UP = 3;
    /** {@code start}: a port is taken by a process that is not ours. */
    public static final int PORT_IN_USE = 4;

    private ExitCodes() {
    }
}
