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
     * Loads OpenBLAS and sets its thread count (process-wide: ND4J shares the library).
     *
     * @throws UnsatisfiedLinkError when this build carries no OpenBLAS natives (the CUDA jar)
     */
    static void init(int threads) {
        Loader.load(openblas_nolapack.class);
        openblas_nolapack.blas_set_num_threads(threads);
        Parallel.threads(threads);
    }

    static void multiply(int m, int n, int k, FloatPointer a, FloatPointer b, FloatPointer c, float beta) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k,
                1f, a, k, b, n, beta, c, n);
    }
}
