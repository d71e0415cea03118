package dev.ca4.producer.embed.fast;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/** Max pooling on NHWC; padded positions take no part (as DL4J's, and Keras' "same", pooling). */
final class MaxPoolStep implements Step {
    private final Tensor input;
    private final Tensor output;
    private final int kh;
    private final int kw;
    private final int stride;
    private final int padTop;
    private final int padLeft;

    MaxPoolStep(Tensor input, Tensor output, int kh, int kw, int stride, int padTop, int padLeft) {
        this.input = input;
        this.output = output;
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.padTop = padTop;
        this.padLeft = padLeft;
    }

    @Override
    public List<Tensor> inputs() {
        return List.of(input);
    }

    @Override
    public Tensor output() {
        return output;
    }

    @Override
    public void run(int n, Slot scratch) {
        Shape in = input.shape;
        Shape out = output.shape;
        int c = in.c();
        FloatBuffer src = input.buffer();
        FloatBuffer dst = output.buffer();
        float[] acc = new float[c];
        float[] px = new float[c];
        for (int img = 0; img < n; img++) {
            for (int oy = 0; oy < out.h(); oy++) {
                for (int ox = 0; ox < out.w(); ox++) {
                    Arrays.fill(acc, Float.NEGATIVE_INFINITY);
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = oy * stride - padTop + ky;
                        if (iy < 0 || iy >= in.h()) {
                            continue;
                        }
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ox * stride - padLeft + kx;
                            if (ix < 0 || ix >= in.w()) {
                                continue;
                            }
                            src.get(((img * in.h() + iy) * in.w() + ix) * c, px);
                            for (int j = 0; j < c; j++) {
                                acc[j] = Math.max(acc[j], px[j]);
                            }
                        }
                    }
                    dst.put(((img * out.h() + oy) * out.w() + ox) * c, acc);
                }
            }
        }
    }

    @Override
    public String kind() {
        return "max pool";
    }
}
