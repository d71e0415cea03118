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

    @Override
    public void run(int n, Slot scratch) {
        Shape out = output.shape;
        int m = n * out.pixels();
        FloatPointer a = input.slot.pointer();
        if (im2col != null) {
            long t0 = timing ? System.nanoTime() : 0;
            FloatBuffer src = input.buffer();
            FloatBuffer dst = scratch.buffer();
            Parallel.rows(n * output.shape.pixels(), (from, to) -> im2col.run(src, dst, from, to));
            a = scratch.pointer();
            if (timing) {
                phaseNanos[0] += System.nanoTime() - t0;
            }
        }
        long t1 = timing ? System.nanoTime() : 0;
        boolean accumulate = residual != null && residual.slot == output.slot;
        Sgemm.multiply(m, conv.cout, conv.kh * conv.kw * conv.cin, a, weights, output.slot.pointer(),
                accumulate ? 1f : 0f);
        long t2 = timing ? System.nanoTime() : 0;
        epilogue(output.buffer(), residual != null && !accumulate ? residual.buffer() : null, m);
        if (timing) {
            long t3 = System.nanoTime();
            phaseNanos[1] += t2 - t1;
            phaseNanos[2] += t3 - t2;
        }
    }

    /** Rows per bulk copy: whole rows of about 8K floats, so the copy's fixed cost is spread over many values. */
    private static final int CHUNK_FLOATS = 8192;

    /** out = act(out + bias (+ residual)), one pass, split over the engine's threads. */
    private void epilogue(FloatBuffer o, FloatBuffer r, int rows) {
        Parallel.rows(rows, (from, to) -> epilogue(o, r, from, to));
    }

    private void epilogue(FloatBuffer o, FloatBuffer r, int from, int to) {
        int c = conv.cout;
        int chunkRows = Math.max(1, CHUNK_FLOATS / c);
        float[] buf = new float[chunkRows * c];
        float[] res = r == null ? null : new float[chunkRows * c];
        for (int r0 = from; r0 < to; r0 += chunkRows) {
            int len = Math.min(chunkRows, to - r0) * c;
            int base = r0 * c;
            o.get(base, buf, 0, len);
            if (res != null) {
                r.get(base, res, 0, len);
                for (int i = 0; i < len; i++) {
                    buf[i] += res[i];
                }
            }
            for (int row = 0; row < len; row += c) {
                for (int j = 0; j < c; j++) {
                    float v = buf[row + j] + bias[j];
                    buf[row + j] = relu && v < 0 ? 0 : v;
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
