package dev.ca4.producer.embed.fast;

import java.nio.FloatBuffer;
import java.util.List;

/** Copies the batch's channels-first images (as the preprocessor makes them) into the NHWC input tensor. */
final class InputStep implements Step {
    private final Tensor output;
    private float[][] images;

    InputStep(Tensor output) {
        this.output = output;
    }

    void images(float[][] batch) {
        this.images = batch;
    }

    @Override
    public List<Tensor> inputs() {
        return List.of();
    }

    @Override
    public Tensor output() {
        return output;
    }

    @Override
    public void run(int n, Slot scratch) {
        Shape s = output.shape;
        int plane = s.pixels();
        int c = s.c();
        FloatBuffer o = output.buffer();
        float[] pixel = new float[s.w() * c];
        for (int img = 0; img < n; img++) {
            float[] chw = images[img];
            if (chw.length != s.size()) {
                throw new IllegalArgumentException("image " + img + " has " + chw.length + " values, the model takes "
                        + c + "×" + s.h() + "×" + s.w());
            }
            for (int y = 0; y < s.h(); y++) {
                for (int x = 0; x < s.w(); x++) {
                    for (int ch = 0; ch < c; ch++) {
                        pixel[x * c + ch] = chw[ch * plane + y * s.w() + x];
                    }
                }
                o.put((img * s.h() + y) * s.w() * c, pixel);
            }
        }
        images = null;
    }

    @Override
    public String kind() {
        return "input";
    }
}
