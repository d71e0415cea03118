package dev.ca4.producer.embed.fast;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Splits the memory-bound loops (bias/residual/ReLU, im2col) over the same number of threads as OpenBLAS uses, so
 * that the cores OpenBLAS keeps busy during sgemm are not left idle between them. Small ranges run inline.
 */
final class Parallel {
    /** Below this many rows a second thread costs more than it saves. */
    private static final int MIN_ROWS = 256;

    private static volatile int threads = 1;
    private static volatile ExecutorService pool;

    private Parallel() {
    }

    static synchronized void threads(int n) {
        threads = Math.max(1, n);
        if (threads > 1 && pool == null) {
            pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fast-engine");
                t.setDaemon(true);
                return t;
            });
        }
    }

    interface RangeBody {
        void run(int from, int to);
    }

    /** Runs body over [0, rows) in up to {@link #threads} contiguous parts, the last one on the calling thread. */
    static void rows(int rows, RangeBody body) {
        int parts = Math.min(threads, Math.max(1, rows / MIN_ROWS));
        if (parts == 1) {
            body.run(0, rows);
            return;
        }
        Future<?>[] others = new Future<?>[parts - 1];
        int step = (rows + parts - 1) / parts;
        for (int p = 0; p < parts - 1; p++) {
            int from = p * step;
            int to = Math.min(rows, from + step);
            others[p] = pool.submit(() -> body.run(from, to));
        }
        body.run((parts - 1) * step, rows);
        try {
            for (Future<?> f : others) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
