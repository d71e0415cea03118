package dev.ca4.producer.embed.fast;

/** A named activation of the plan: its shape and, once buffers are planned, the slot that holds it. */
final class Tensor {
    final String name;
    final Shape shape;
    Slot slot;

    Tensor(String name, Shape shape) {
        this.name = name;
        this.shape = shape;
    }

    java.nio.FloatBuffer buffer() {
        return slot.buffer();
    }

    @Override
    public String toString() {
        return name + " " + shape;
    }
}
