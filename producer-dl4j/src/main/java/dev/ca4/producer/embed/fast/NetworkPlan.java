package dev.ca4.producer.embed.fast;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of one network in run order and the buffers they share. Buffers are planned once from the tensors'
 * lifetimes (a tensor's slot is free again after its last reader, and an in-place step takes its input's slot), so
 * ResNet50 needs a handful of slots instead of one buffer per layer, allocated off-heap for the largest batch seen
 * and kept.
 */
public final class NetworkPlan implements AutoCloseable {
    private final InputStep input;
    private final List<Step> steps;
    private final Tensor output;
    private final List<Slot> slots = new ArrayList<>();
    private final Slot scratch = new Slot();
    private final Map<String, Long> profile = new LinkedHashMap<>();
    private boolean profiling;

    NetworkPlan(InputStep input, List<Step> steps, Tensor output) {
        this.input = input;
        this.steps = List.copyOf(steps);
        this.output = output;
        planBuffers();
    }

    private void planBuffers() {
        Map<Tensor, Integer> lastRead = new IdentityHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (Tensor t : steps.get(i).inputs()) {
                lastRead.put(t, i);
            }
        }
        lastRead.put(output, Integer.MAX_VALUE);
        List<Slot> free = new ArrayList<>();
        Map<Slot, Tensor> holder = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            scratch.reserve(s.scratchPerImage());
            Tensor out = s.output();
            Tensor in = s.inPlaceOf();
            if (in != null && lastRead.get(in) == i && in.shape.size() == out.shape.size()) {
                out.slot = in.slot;
            } else {
                out.slot = take(free, out.shape.size());
            }
            holder.put(out.slot, out);
            for (Tensor t : s.inputs()) {
                if (lastRead.get(t) == i && t.slot != out.slot && holder.get(t.slot) == t) {
                    free.add(t.slot);
                    holder.remove(t.slot);
                }
            }
        }
    }

    /** The smallest free slot that is large enough, else the largest one grown, else a new one. */
    private Slot take(List<Slot> free, long floats) {
        Slot best = null;
        for (Slot s : free) {
            if (s.perImage() >= floats && (best == null || s.perImage() < best.perImage())) {
                best = s;
            }
        }
        if (best == null) {
            for (Slot s : free) {
                if (best == null || s.perImage() > best.perImage()) {
                    best = s;
                }
            }
        }
        if (best == null) {
            best = new Slot();
            slots.add(best);
        }
        free.remove(best);
        best.reserve(floats);
        return best;
    }

    /** @param images channels-first images; @return one output vector per image, flattened channels-first */
    public float[][] run(float[][] images) {
        int n = images.length;
        for (Slot s : slots) {
            s.ensure(n);
        }
        scratch.ensure(n);
        input.images(images);
        for (Step s : steps) {
            long t0 = profiling ? System.nanoTime() : 0;
            s.run(n, scratch);
            if (profiling) {
                profile.merge(s.kind(), System.nanoTime() - t0, Long::sum);
            }
        }
        return readOut(n);
    }

    /** Channels-first per image, as DL4J flattens an activation (for the 1×1×2048 embedding: just the vector). */
    private float[][] readOut(int n) {
        Shape s = output.shape;
        FloatBuffer b = output.buffer();
        float[][] out = new float[n][s.size()];
        float[] nhwc = new float[s.size()];
        for (int img = 0; img < n; img++) {
            b.get(img * s.size(), nhwc);
            if (s.pixels() == 1) {
                System.arraycopy(nhwc, 0, out[img], 0, s.size());
                continue;
            }
            for (int p = 0; p < s.pixels(); p++) {
                for (int c = 0; c < s.c(); c++) {
                    out[img][c * s.pixels() + p] = nhwc[p * s.c() + c];
                }
            }
        }
        return out;
    }

    /** Time per kind of step (conv 3×3, conv 1×1, max pool, …), accumulated over the runs since enabled. */
    public void profile(boolean on) {
        profiling = on;
        profile.clear();
        for (Step s : steps) {
            if (s instanceof ConvStep c) {
                c.timing = on;
                java.util.Arrays.fill(c.phaseNanos, 0);
            }
        }
    }

    /** Per kind of step, plus the convolutions' time split into im2col, sgemm and bias/residual/ReLU. */
    public Map<String, Long> profileNanos() {
        Map<String, Long> p = new LinkedHashMap<>(profile);
        String[] phases = {"conv: im2col", "conv: sgemm", "conv: bias+residual+relu"};
        for (Step s : steps) {
            if (s instanceof ConvStep c) {
                for (int i = 0; i < phases.length; i++) {
                    p.merge(phases[i], c.phaseNanos[i], Long::sum);
                }
            }
        }
        return p;
    }

    public int outputSize() {
        return output.shape.size();
    }

    /** Off-heap bytes held now (activations and im2col scratch; the weights come on top). */
    public long bufferBytes() {
        return slots.stream().mapToLong(Slot::bytes).sum() + scratch.bytes();
    }

    @Override
    public void close() {
        slots.forEach(Slot::close);
        scratch.close();
        for (Step s : steps) {
            if (s instanceof ConvStep c) {
                c.close();
            }
        }
    }
}
