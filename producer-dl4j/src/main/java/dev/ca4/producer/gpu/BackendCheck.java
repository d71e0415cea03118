package dev.ca4.producer.gpu;

import dev.ca4.producer.BuildInfo;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J's backend once, before anything else touches it, so that a CUDA jar on a machine without an NVIDIA
 * driver ends with one clear sentence instead of an ExceptionInInitializerError from deep inside DL4J.
 */
public final class BackendCheck {

    private BackendCheck() {
    }

    /** @return the backend's name, e.g. CpuBackend or JCublasBackend */
    public static String start() throws BackendUnavailableException {
        try {
            return Nd4j.getBackend().getClass().getSimpleName();
        } catch (Exception | LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String hint = BuildInfo.BACKEND.equals("cuda")
                    ? " (this jar needs an NVIDIA GPU and driver; use ca4-producer-cpu.jar without one)" : "";
            throw new BackendUnavailableException("the " + BuildInfo.BACKEND + " backend of ND4J cannot start: "
                    + root + hint, e);
        }
    }

    /** ND4J has no usable backend on this machine. */
    public static final class BackendUnavailableException extends Exception {
        BackendUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
