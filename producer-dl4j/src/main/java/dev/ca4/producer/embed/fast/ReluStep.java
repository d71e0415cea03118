package dev.ca4.producer.embed.fast;

import java.nio.FloatBuffer;
import java.util.List;

/** A ReLU that could not be fused into the step before it; in place when this is its input's last reader. */
final class ReluStep implements Step {
    private final Tensor input;
    private final Tensor output;

    ReluStep(String name, Tensor input) {
        this.input = input;
        this.output = new Tensor(name, input.shape);
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
    public Tensor inPlaceOf() {
        return input;
    }

    @Override
    public void run(int n, Slot scratch) {
        FloatBuffer src = input.buffer();
        FloatBuffer dst = output.buffer();
        int total = n * input.shape.size();
        for (int i = 0; i < total; i++) {
            dst.put(i, Math.max(0f, src.get(i)));
        }
    }

    @Override
    public String kind() {
        return "relu";
    }
}
