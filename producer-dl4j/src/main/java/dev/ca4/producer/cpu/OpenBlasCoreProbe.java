package dev.ca4.producer.cpu;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Run in a child JVM by {@link OpenBlasKernels}: loads ND4J's OpenBLAS, which picks its kernels for this CPU while
 * loading and, with {@code OPENBLAS_VERBOSE=2}, reports them on stderr ("Core: Haswell"). JavaCPP's preset does not
 * expose {@code openblas_get_corename}, so the line is the only way to learn the choice, and only a new process
 * sees it.
 */
public final class OpenBlasCoreProbe {
    private OpenBlasCoreProbe() {
    }

    public static void main(String[] args) {
        Loader.load(openblas_nolapack.class);
        System.exit(0);
    }
}
