package dev.ca4.producer.embed.fast;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * The engine's own threads (as many as configured; OpenBLAS itself runs single-threaded inside each): a
 * convolution is split into blocks of output rows (or, when there are too few rows, of output columns) that each
 * thread takes through im2col, sgemm and the epilogue while the block is still in its core's cache.
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

    static int threads() {
        return threads;
    }

    /** Runs task(0) … task(parts − 1) at once, the last one on the calling thread. */
    static void tasks(int parts, java.util.function.IntConsumer task) {
        if (parts <= 1) {
            task.accept(0);
            return;
        }
        Future<?>[] others = new Future<?>[parts - 1];
        for (int p = 0; p < parts - 1; p++) {
            int id = p;
            others[p] = pool.submit(() -> task.accept(id));
        }
        task.accept(parts - 1);
        join(others);
    }

    private static void join(Future<?>[] others) {
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
        join(others);
    }
}
