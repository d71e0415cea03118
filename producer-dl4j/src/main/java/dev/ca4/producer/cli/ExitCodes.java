package dev.ca4.producer.cli;

/** Exit codes of ca4-producer (listed in --help). */
public final class ExitCodes {
    /** Every image was accepted (or written). */
    public static final int OK = 0;
    /** Some image failed: unreadable, rejected by the processor, or not accepted before giving up. */
    public static final int IMAGES_FAILED = 1;
    /** Invalid options or no input images. */
    public static final int INVALID_INPUT = 2;
    /** The weights asked for cannot be had (missing or corrupt file, failed download). */
    public static final int WEIGHTS_UNAVAILABLE = 3;
    /** The processor refused the API key; the run stopped. */
    public static final int API_REFUSED = 4;
    /** A bug or an environment problem (cannot write the output). */
    public static final int INTERNAL_ERROR = 5;
    /** ND4J's backend cannot start (the CUDA jar on a machine without an NVIDIA driver, missing natives). */
    public static final int BACKEND_UNAVAILABLE = 6;

    private ExitCodes() {
    }
}
