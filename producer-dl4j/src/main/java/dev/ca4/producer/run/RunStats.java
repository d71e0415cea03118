package dev.ca4.producer.run;

import dev.ca4.producer.client.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Counters of one run, updated from the decode, inference and posting threads. */
public final class RunStats {

    private final int images;
    private final boolean dryRun;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger embedded = new AtomicInteger();
    private final List<Double> inferenceMs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<String> abortReason = new AtomicReference<>();

    public RunStats(int images, boolean dryRun) {
        this.images = images;
        this.dryRun = dryRun;
    }

    public void outcome(Outcome o) {
        (switch (o.kind()) {
            case ACCEPTED -> accepted;
            case WRITTEN -> written;
            case REJECTED -> rejected;
            case FAILED -> failed;
        }).incrementAndGet();
        if (o.status() == 401 || o.status() == 403) {
            abort("the processor refused the API key (HTTP " + o.status() + "): " + o.detail());
        }
        if (o.status() == Outcome.TLS_FAILED) {
            abort(o.detail());
        }
    }

    /** An image that produced no event (unreadable, not an image, inference failed). */
    public void imageFailed() {
        failed.incrementAndGet();
    }

    public void embedded(int count, double msPerImage) {
        embedded.addAndGet(count);
        for (int i = 0; i < count; i++) {
            inferenceMs.add(msPerImage);
        }
    }

    /** Stops the run: nothing further can succeed (the API refuses the key, TLS fails). The first reason wins. */
    public void abort(String reason) {
        abortReason.compareAndSet(null, reason);
    }

    public String abortReason() {
        return abortReason.get();
    }

    public int done() {
        return accepted.get() + written.get() + rejected.get() + failed.get();
    }

    public int sent() {
        return accepted.get() + written.get();
    }

    public int problems() {
        return rejected.get() + failed.get();
    }

    public Summary summary() {
        List<Double> sorted;
        synchronized (inferenceMs) {
            sorted = new ArrayList<>(inferenceMs);
        }
        Collections.sort(sorted);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Summary(dryRun, images, accepted.get(), written.get(), rejected.get(), failed.get(),
                images - done(), embedded.get(), seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                abortReason.get());
    }

    static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
