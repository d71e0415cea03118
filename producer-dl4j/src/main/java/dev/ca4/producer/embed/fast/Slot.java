package dev.ca4.producer.embed.fast;

import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;

/**
 * One off-heap buffer that several tensors take in turn (their lifetimes do not overlap). Off-heap because OpenBLAS
 * reads a Java {@code float[]} only through a copy (JNI array elements): measured here, sgemm on arrays ran at half
 * the speed of sgemm on native memory. Sized for the largest batch seen so far and kept: a smaller batch reuses it.
 */
final class Slot implements AutoCloseable {
    private long perImage;
    private int images;
    private FloatPointer pointer;
    private FloatBuffer buffer;

    /** Planning: this slot must hold at least {@code floats} per image. */
    void reserve(long floats) {
        perImage = Math.max(perImage, floats);
    }

    long perImage() {
        return perImage;
    }

    /** Running: make room for {@code n} images (allocates only when n exceeds every batch before). */
    void ensure(int n) {
        if (n <= images) {
            return;
        }
        close();
        long floats = perImage * n;
        if (floats > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + n + " needs a buffer of " + floats + " floats");
        }
        pointer = new FloatPointer(floats);
        buffer = pointer.asBuffer();
        images = n;
    }

    FloatPointer pointer() {
        return pointer;
    }

    FloatBuffer buffer() {
        return buffer;
    }

    long bytes() {
        return pointer == null ? 0 : pointer.capacity() * Float.BYTES;
    }

    @Override
    public void close() {
        if (pointer != null) {
            pointer.close();
            pointer = null;
            buffer = null;
            images = 0;
        }
    }
}
