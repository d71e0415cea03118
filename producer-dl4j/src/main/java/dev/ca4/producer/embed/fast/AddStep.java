package dev.ca4.producer.embed.fast;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Element-wise a + b (then ReLU when an activation was fused), for an addition that could not be folded into the
 * convolution producing one of its operands; works in place on {@code a} when this is a's last reader.
 */
final class AddStep implements Step {
    private final Tensor a;
    private final Tensor b;
    private Tensor output;
    private boolean relu;

    AddStep(String name, Tensor a, Tensor b) {
        this.a = a;
        this.b = b;
        this.output = new Tensor(name, a.shape);
    }

    void fuseRelu(String newName) {
        relu = true;
        output = new Tensor(newName, output.shape);
    }

    @Override
    public List<Tensor> inputs() {
        return List.of(a, b);
    }

    @Override
    public Tensor output() {
        return output;
    }

    @Override
    public Tensor inPlaceOf() {
        return a;
    }

    @Override
    public void run(int n, Slot scratch) {
        FloatBuffer x = a.buffer();
        FloatBuffer y = b.buffer();
        FloatBuffer o = output.buffer();
        int c = output.shape.c();
        float[] u = new float[c];
        float[] v = new float[c];
        int rows = n * output.shape.pixels();
        for (int p = 0, base = 0; p < rows; p++, base += c) {
            x.get(base, u);
            y.get(base, v);
            for (int j = 0; j < c; j++) {
                float s = u[j] + v[j];
                u[j] = relu && s < 0 ? 0 : s;
            }
            o.put(base, u);
        }
    }

    @Override
    public String kind() {
        return "add";
    }
}
