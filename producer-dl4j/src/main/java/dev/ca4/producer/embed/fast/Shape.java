package dev.ca4.producer.embed.fast;

/** Height × width × channels of one image's activations, stored NHWC (channels innermost). */
record Shape(int h, int w, int c) {

    int size() {
        return h * w * c;
    }

    int pixels() {
        return h * w;
    }

    @Override
    public String toString() {
        return h + "×" + w + "×" + c;
    }
}
