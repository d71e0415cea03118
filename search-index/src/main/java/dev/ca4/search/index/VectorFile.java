package dev.ca4.search.index;

import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The full vectors, unit length, float32 little-endian one after the other in a file that is memory-mapped: the
 * page cache holds them, not the heap, so the index's RAM per vector stays the graph and the PQ code
 * (docs/similarity-search.md). Read by ordinal for reranking and for exact search. Appends go through
 * {@link #append}; the file is mapped in chunks below 2 GiB.
 */
public final class VectorFile implements RandomAccessVectorValues, AutoCloseable {
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
    private static final long CHUNK_BYTES = 1L << 30;

    private final Path path;
    private final int dimension;
    private final int vectorsPerChunk;
    private final FileChannel channel;
    // Copy-on-write: readers (every rerank candidate of every query) take the array without a lock; only a remap locks.
    private volatile FloatBuffer[] chunks = new FloatBuffer[0];
    private volatile int size;

    public VectorFile(Path path, int dimension) throws IOException {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, not " + dimension);
        }
        this.path = path;
        this.dimension = dimension;
        this.vectorsPerChunk = (int) (CHUNK_BYTES / (4L * dimension));
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long bytes = channel.size();
        if (bytes % (4L * dimension) != 0) {
            throw new IOException(path + " holds " + bytes + " bytes, not a whole number of " + dimension + "-d float32 vectors");
        }
        this.size = (int) (bytes / (4L * dimension));
    }

    /** Appends a vector (normalized to unit length here) and returns its ordinal. */
    public synchronized int append(float[] vector) throws IOException {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, the index " + dimension);
        }
        float[] unit = Cosine.normalized(vector);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(unit);
        long at = 4L * dimension * size;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
        return size++;
    }

    /** Makes every appended vector durable (a checkpoint may only name vectors that survive a crash). */
    public void force() throws IOException {
        channel.force(false);
    }

    /**
     * Drops the vectors from {@code count} on: what was appended after the last checkpoint is read again from the
     * topic. Only before the first read (a mapping past the new end would fault).
     */
    public synchronized void truncate(int count) throws IOException {
        if (count < 0 || count > size) {
            throw new IllegalArgumentException("cannot keep " + count + " of " + size + " vectors");
        }
        channel.truncate(4L * dimension * count);
        size = count;
        chunks = new FloatBuffer[0];
    }

    public Path path() {
        return path;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The unit vector at this ordinal, copied out of the mapping. */
    public float[] get(int ordinal) {
        if (ordinal < 0 || ordinal >= size) {
            throw new IndexOutOfBoundsException("no vector " + ordinal + " (" + size + " stored)");
        }
        FloatBuffer chunk = chunkOf(ordinal);
        float[] out = new float[dimension];
        chunk.get((ordinal % vectorsPerChunk) * dimension, out);
        return out;
    }

    /** The dot product of a stored vector with {@code unit}, read in place (no copy: reranking runs it per candidate). */
    public float dot(int ordinal, float[] unit) {
        if (ordinal < 0 || ordinal >= size) {
            throw new IndexOutOfBoundsException("no vector " + ordinal + " (" + size + " stored)");
        }
        FloatBuffer chunk = chunkOf(ordinal);
        int base = (ordinal % vectorsPerChunk) * dimension;
        // four sums at once, so the adds do not all wait on each other (Java 17 has no SIMD API and does not reorder
        // float adds itself). The query p99 did not move measurably with it: an exact score waits mostly on reading
        // the vector's 8 KB (docs/similarity-search.md, "Real embeddings")
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dimension; i += 4) {
            s0 += chunk.get(base + i) * unit[i];
            s1 += chunk.get(base + i + 1) * unit[i + 1];
            s2 += chunk.get(base + i + 2) * unit[i + 2];
            s3 += chunk.get(base + i + 3) * unit[i + 3];
        }
        for (; i < dimension; i++) {
            s0 += chunk.get(base + i) * unit[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public VectorFloat<?> getVector(int ordinal) {
        return VTS.createFloatVector(get(ordinal));
    }

    @Override
    public boolean isValueShared() {
        return false;
    }

    @Override
    public RandomAccessVectorValues copy() {
        return this;
    }

    /** The mapping of the chunk holding this ordinal; mapped again when appends went past its end. */
    private FloatBuffer chunkOf(int ordinal) {
        int index = ordinal / vectorsPerChunk;
        int needed = (ordinal % vectorsPerChunk + 1) * dimension;
        FloatBuffer[] mapped = chunks;
        if (index < mapped.length && mapped[index] != null && mapped[index].capacity() >= needed) {
            return mapped[index];
        }
        return remap(index, needed);
    }

    private synchronized FloatBuffer remap(int index, int needed) {
        FloatBuffer[] mapped = chunks;
        if (index < mapped.length && mapped[index] != null && mapped[index].capacity() >= needed) {
            return mapped[index]; // another thread mapped it meanwhile
        }
        try {
            long start = (long) index * vectorsPerChunk * 4L * dimension;
            long length = Math.min((long) vectorsPerChunk * 4L * dimension, 4L * dimension * size - start);
            FloatBuffer floats = channel.map(FileChannel.MapMode.READ_ONLY, start, length)
                    .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            FloatBuffer[] next = java.util.Arrays.copyOf(mapped, Math.max(mapped.length, index + 1));
            next[index] = floats;
            chunks = next;
            return floats;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("mapping " + path, e);
        }
    }

    @Override
    public void close() throws IOException {
        chunks = new FloatBuffer[0];
        channel.close();
    }
}
