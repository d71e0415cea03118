package dev.ca4.producer.embed.fast;

import java.nio.FloatBuffer;
import java.util.List;

/** Zero padding (Keras-imported graphs pad before the stem convolution and the max pooling). */
final class PadStep implements Step {
    private final Tensor input;
    private final Tensor output;
    private final int top;
    private final int left;

    PadStep(Tensor input, Tensor output, int top, int left) {
        this.input = input;
        this.output = output;
        this.top = top;
        this.left = left;
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
        FloatBuffer src = input.buffer();
        FloatBuffer dst = output.buffer();
        float[] zeros = new float[out.size()];
        int row = in.w() * in.c();
        for (int img = 0; img < n; img++) {
            dst.put(img * out.size(), zeros);
            for (int y = 0; y < in.h(); y++) {
                dst.put(((img * out.h() + y + top) * out.w() + left) * out.c(), src,
                        (img * in.h() + y) * row, row);
            }
        }
    }

    @Override
    public String kind() {
        return "zero padding";
    }
}
