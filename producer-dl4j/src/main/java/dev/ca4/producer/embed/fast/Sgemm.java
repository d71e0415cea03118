package dev.ca4.producer.embed.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * OpenBLAS's cblas_sgemm on off-heap buffers (the same libopenblas that ND4J's CPU backend loads), row-major:
 * C[m×n] = A[m×k] · B[k×n] + beta · C.
 */
final class Sgemm {

    private Sgemm() {
    }

    /**
     * Loads OpenBLAS, makes it single-threaded (process-wide: ND4J shares the library; the engine parallelises
     * over blocks itself, see {@link Parallel}) and sets the engine's thread count.
     *
     * @throws UnsatisfiedLinkError when this build carries no OpenBLAS natives (the CUDA jar)
     */
    static void init(int threads) {
        Loader.load(openblas_nolapack.class);
        openblas_nolapack.blas_set_num_threads(1);
        Parallel.threads(threads);
    }

    /**
     * C[m×n] = A[m×k] · B[k×n] + beta · C on sub-matrices: offsets in floats, leading dimensions lda/ldb/ldc.
     */
    static void multiply(int m, int n, int k, FloatPointer a, long aOff, int lda, FloatPointer b, long bOff, int ldb,
                         FloatPointer c, long cOff, int ldc, float beta) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k,
                1f, at(a, aOff), lda, at(b, bOff), ldb, beta, at(c, cOff), ldc);
    }

    private static FloatPointer at(FloatPointer p, long offset) {
        return offset == 0 ? p : new FloatPointer(p).position(p.position() + offset);
    }
}
