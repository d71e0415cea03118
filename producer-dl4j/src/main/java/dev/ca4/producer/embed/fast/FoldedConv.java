package dev.ca4.producer.embed.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution's weights as one sgemm operand, with any batch normalization that follows it folded in once at
 * load: BN(conv(x)) = γ·(W·x + b − μ)/√(σ² + ε) + β = (s·W)·x + (s·(b − μ) + β) with s = γ/√(σ² + ε). The matrix
 * is [kh·kw·cin × cout], row (ky·kw + kx)·cin + ci, matching {@link Im2col}'s columns for NHWC input.
 */
final class FoldedConv {
    final int kh;
    final int kw;
    final int cin;
    final int cout;
    /** [kh·kw·cin][cout], row-major. Folding is done in double and rounded once. */
    private final double[] weights;
    private final double[] bias;

    /**
     * @param w DL4J's convolution weights [cout, cin, kh, kw]
     * @param b its bias ([1, cout] or [cout]), or null for none
     */
    FoldedConv(INDArray w, INDArray b) {
        long[] s = w.shape();
        cout = (int) s[0];
        cin = (int) s[1];
        kh = (int) s[2];
        kw = (int) s[3];
        float[] flat = w.dup('c').data().asFloat();
        weights = new double[kh * kw * cin * cout];
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < cin; i++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        weights[((y * kw + x) * cin + i) * cout + o] = flat[((o * cin + i) * kh + y) * kw + x];
                    }
                }
            }
        }
        bias = new double[cout];
        if (b != null) {
            float[] bf = b.dup('c').data().asFloat();
            for (int o = 0; o < cout; o++) {
                bias[o] = bf[o];
            }
        }
    }

    /** Folds y = gamma·(x − mean)/√(var + eps) + beta (per output channel) into the weights and bias. */
    void foldBatchNorm(double[] gamma, double[] beta, double[] mean, double[] var, double eps) {
        int rows = kh * kw * cin;
        for (int o = 0; o < cout; o++) {
            double scale = gamma[o] / Math.sqrt(var[o] + eps);
            for (int r = 0; r < rows; r++) {
                weights[r * cout + o] *= scale;
            }
            bias[o] = (bias[o] - mean[o]) * scale + beta[o];
        }
    }

    float[] weightMatrix() {
        float[] f = new float[weights.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) weights[i];
        }
        return f;
    }

    float[] bias() {
        float[] f = new float[cout];
        for (int i = 0; i < cout; i++) {
            f[i] = (float) bias[i];
        }
        return f;
    }
}
