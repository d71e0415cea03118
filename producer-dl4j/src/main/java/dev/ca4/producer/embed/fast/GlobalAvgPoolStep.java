package dev.ca4.producer.embed.fast;

import java.nio.FloatBuffer;
import java.util.List;

/** Average over all positions of each channel: h×w×c → 1×1×c (the embedding of ResNet50). */
final class GlobalAvgPoolStep implements Step {
    private final Tensor input;
    private final Tensor output;

    GlobalAvgPoolStep(Tensor input, Tensor output) {
        this.input = input;
        this.output = output;
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
        int c = in.c();
        int pixels = in.pixels();
        FloatBuffer src = input.buffer();
        FloatBuffer dst = output.buffer();
        double[] sum = new double[c];
        float[] px = new float[c];
        float[] mean = new float[c];
        for (int img = 0; img < n; img++) {
            java.util.Arrays.fill(sum, 0);
            for (int p = 0; p < pixels; p++) {
                src.get((img * pixels + p) * c, px);
                for (int j = 0; j < c; j++) {
                    sum[j] += px[j];
                }
            }
            for (int j = 0; j < c; j++) {
                mean[j] = (float) (sum[j] / pixels);
            }
            dst.put(img * c, mean);
        }
    }

    @Override
    public String kind() {
        return "average pool";
    }
}
