package dev.ca4.producer.embed.fast;

import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolution with its batch normalization folded in, as one sgemm over the whole batch: a 1×1 stride-1
 * convolution multiplies the NHWC input itself ([n·h·w × cin] · [cin × cout]); any other goes through
 * {@link Im2col} first. Bias, the residual addition and ReLU follow in one pass over the output. With a residual
 * whose last reader this is, sgemm accumulates straight into the residual's buffer (beta = 1), saving that pass's
 * extra read and a buffer.
 */
final class ConvStep implements Step {
    private final String name;
    private final Tensor input;
    private final FoldedConv conv;
    private final int stride;
    private final int padTop;
    private final int padLeft;
    private final Im2col im2col;
    private Tensor output;
    private Tensor residual;
    private boolean relu;
    private FloatPointer weights;
    private float[] bias;
    /** Nanoseconds in im2col, sgemm and the epilogue, while {@link NetworkPlan#profile} is on. */
    final long[] phaseNanos = new long[3];
    boolean timing;

    ConvStep(String name, Tensor input, FoldedConv conv, Shape outShape, int stride, int padTop, int padLeft,
             boolean relu) {
        this.name = name;
        this.input = input;
        this.conv = conv;
        this.stride = stride;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.relu = relu;
        this.output = new Tensor(name, outShape);
        boolean direct = conv.kh == 1 && conv.kw == 1 && stride == 1 && padTop == 0 && padLeft == 0;
        this.im2col = direct ? null : new Im2col(input.shape, outShape, conv.kh, conv.kw, stride, padTop, padLeft);
    }

    FoldedConv conv() {
        return conv;
    }

    boolean relu() {
        return relu;
    }

    boolean hasResidual() {
        return residual != null;
    }

    /** The step's result now goes by {@code newName} (a folded BN, a fused activation or addition). */
    void rename(String newName) {
        output = new Tensor(newName, output.shape);
    }

    void fuseRelu() {
        relu = true;
    }

    void fuseResidual(Tensor r) {
        residual = r;
    }

    /** Uploads the folded weights once the plan is final. */
    void prepare() {
        float[] w = conv.weightMatrix();
        weights = new FloatPointer(w.length);
        weights.put(w);
        bias = conv.bias();
    }

    @Override
    public List<Tensor> inputs() {
        List<Tensor> in = new ArrayList<>(List.of(input));
        if (residual != null) {
            in.add(residual);
        }
        return in;
    }

    @Override
    public Tensor output() {
        return output;
    }

    @Override
    public Tensor inPlaceOf() {
        return residual;
    }

    @Override
    public long scratchPerImage() {
        return im2col == null ? 0 : im2col.columnsPerImage();
    }

    /** Output rows per block: A and C blocks of about 128 KB, at least 128 rows so packing B stays cheap. */
    private int blockRows() {
        int k = conv.kh * conv.kw * conv.cin;
        return Math.max(128, 32768 / (k + conv.cout));
    }

    @Override
    public void run(int n, Slot scratch) {
        int m = n * output.shape.pixels();
        int threads = Parallel.threads();
        int block = blockRows();
        int blocks = (m + block - 1) / block;
        boolean accumulate = residual != null && residual.slot == output.slot;
        FloatBuffer res = residual != null && !accumulate ? residual.buffer() : null;
        float beta = accumulate ? 1f : 0f;
        if (blocks >= threads) {
            // Each thread takes every threads-th block of rows through im2col, sgemm and the epilogue.
            Parallel.tasks(threads, t -> {
                for (int b = t; b < blocks; b += threads) {
                    int r0 = b * block;
                    int r1 = Math.min(m, r0 + block);
                    if (im2col != null) {
                        time(0, () -> im2col.run(input.buffer(), scratch.buffer(), r0, r1));
                    }
                    time(1, () -> gemm(r0, r1, 0, conv.cout, scratch, beta));
                    time(2, () -> epilogue(output.buffer(), res, r0, r1, 0, conv.cout));
                }
            });
        } else {
            // Few rows (a small batch in the last stages): all rows at once, the output columns split instead.
            if (im2col != null) {
                time(0, () -> Parallel.rows(m, (r0, r1) -> im2col.run(input.buffer(), scratch.buffer(), r0, r1)));
            }
            int parts = Math.max(1, Math.min(threads, conv.cout / 16));
            Parallel.tasks(parts, t -> {
                int c0 = conv.cout * t / parts;
                int c1 = conv.cout * (t + 1) / parts;
                time(1, () -> gemm(0, m, c0, c1, scratch, beta));
                time(2, () -> epilogue(output.buffer(), res, 0, m, c0, c1));
            });
        }
    }

    /** C[r0:r1, c0:c1] = A[r0:r1, :] · W[:, c0:c1] (+ C when accumulating onto the residual). */
    private void gemm(int r0, int r1, int c0, int c1, Slot scratch, float beta) {
        int k = conv.kh * conv.kw * conv.cin;
        int cout = conv.cout;
        FloatPointer a = im2col != null ? scratch.pointer() : input.slot.pointer();
        Sgemm.multiply(r1 - r0, c1 - c0, k, a, (long) r0 * k, k, weights, c0, cout,
                output.slot.pointer(), (long) r0 * cout + c0, cout, beta);
    }

    private void time(int phase, Runnable r) {
        if (!timing) {
            r.run();
            return;
        }
        long t0 = System.nanoTime();
        r.run();
        synchronized (phaseNanos) {
            phaseNanos[phase] += System.nanoTime() - t0;
        }
    }

    /** Rows per bulk copy in the epilogue: whole rows of about 8K floats, spreading the copy's fixed cost. */
    private static final int CHUNK_FLOATS = 8192;
    /** Each thread's two chunk arrays, kept: allocating (and zeroing) them per block cost as much as the copy. */
    private static final ThreadLocal<float[][]> ROWS =
            ThreadLocal.withInitial(() -> new float[][]{new float[CHUNK_FLOATS], new float[CHUNK_FLOATS]});

    /** out = act(out + bias (+ residual)) on rows [r0, r1), columns [c0, c1): one pass over a block in cache. */
    private void epilogue(FloatBuffer o, FloatBuffer r, int r0, int r1, int c0, int c1) {
        int c = conv.cout;
        int w = c1 - c0;
        boolean whole = w == c;
        int chunkRows = whole ? Math.max(1, CHUNK_FLOATS / c) : 1;
        float[][] rows = ROWS.get();
        if (rows[0].length < chunkRows * w) {
            rows[0] = new float[chunkRows * w];
            rows[1] = new float[chunkRows * w];
        }
        float[] buf = rows[0];
        float[] rb = r == null ? null : rows[1];
        for (int row = r0; row < r1; row += chunkRows) {
            int len = Math.min(chunkRows, r1 - row) * w;
            int base = row * c + c0;
            o.get(base, buf, 0, len);
            if (rb != null) {
                r.get(base, rb, 0, len);
                for (int i = 0; i < len; i++) {
                    buf[i] += rb[i];
                }
            }
            for (int p = 0; p < len; p += w) {
                for (int j = 0; j < w; j++) {
                    float v = buf[p + j] + bias[c0 + j];
                    buf[p + j] = relu && v < 0 ? 0 : v;
                }
            }
            o.put(base, buf, 0, len);
        }
    }

    @Override
    public String kind() {
        if (im2col == null) {
            return "conv 1×1";
        }
        return conv.kh == 1 ? "conv 1×1/" + stride : "conv " + conv.kh + "×" + conv.kw;
    }

    @Override
    public String toString() {
        return name + ": " + kind() + " " + input.shape + " → " + output.shape;
    }

    void close() {
        if (weights != null) {
            weights.close();
        }
    }
}
