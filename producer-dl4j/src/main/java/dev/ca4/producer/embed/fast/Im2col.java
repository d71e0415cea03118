package dev.ca4.producer.embed.fast;

import java.nio.FloatBuffer;

/**
 * Lays the receptive fields of an NHWC tensor out as rows of a matrix, so that a convolution is one sgemm:
 * row (n, oy, ox), column (ky·kw + kx)·cin + ci. In NHWC the kx·cin values of one kernel row are contiguous in the
 * input, so each row of the kernel is one bulk copy (kw·cin floats), and only the border needs zeros.
 */
final class Im2col {
    private final Shape in;
    private final Shape out;
    private final int kh;
    private final int kw;
    private final int stride;
    private final int padTop;
    private final int padLeft;
    private final FloatBuffer zeros;

    Im2col(Shape in, Shape out, int kh, int kw, int stride, int padTop, int padLeft) {
        this.in = in;
        this.out = out;
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.zeros = FloatBuffer.allocate(kw * in.c());
    }

    /** Floats per image of the column matrix. */
    long columnsPerImage() {
        return (long) out.pixels() * kh * kw * in.c();
    }

    /** Fills the rows [from, to) of the column matrix (row = image·out.h·out.w + oy·out.w + ox). */
    void run(FloatBuffer src, FloatBuffer dst, int from, int to) {
        int c = in.c();
        int rowLen = kw * c;
        int pixels = out.pixels();
        int d = from * kh * rowLen;
        for (int row = from; row < to; row++) {
            int img = row / pixels;
            int oy = row % pixels / out.w();
            int ox = row % out.w();
            int imgBase = img * in.size();
            int ix0 = ox * stride - padLeft;
            int kx0 = Math.max(0, -ix0);
            int kx1 = Math.min(kw, in.w() - ix0);
            for (int ky = 0; ky < kh; ky++) {
                int iy = oy * stride - padTop + ky;
                if (iy < 0 || iy >= in.h() || kx1 <= kx0) {
                    dst.put(d, zeros, 0, rowLen);
                } else {
                    if (kx0 > 0) {
                        dst.put(d, zeros, 0, kx0 * c);
                    }
                    dst.put(d + kx0 * c, src, imgBase + (iy * in.w() + ix0 + kx0) * c, (kx1 - kx0) * c);
                    if (kx1 < kw) {
                        dst.put(d + kx1 * c, zeros, 0, (kw - kx1) * c);
                    }
                }
                d += rowLen;
            }
        }
    }
}
