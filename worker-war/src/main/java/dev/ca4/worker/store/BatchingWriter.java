package dev.ca4.worker.store;

import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.consume.PendingWrite;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects consumed records into batches (up to {@code ca4.store.batch-size}, waiting at most
 * {@code ca4.store.flush-interval-ms}) on one writer thread, and hands each batch to {@link BatchFlusher}.
 * A failed flush is retried in place with exponential backoff, forever and without acknowledging anything:
 * nacking would stop the channel, and every write is idempotent. Memory stays bounded because the connector
 * stops delivering at {@code unacked.limit} unacknowledged messages.
 */
@ApplicationScoped
public class BatchingWriter {
    private static final Logger LOG = Logger.getLogger(BatchingWriter.class.getName());

    @Inject
    WorkerConfig config;
    @Inject
    BatchFlusher flusher;

    private final LinkedBlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private volatile String failure; // null while writes succeed
    private Thread thread;

    @PostConstruct
    void start() {
        thread = new Thread(this::loop, "ca4-batching-writer");
        thread.setDaemon(true);
        thread.start();
    }

    public void submit(PendingWrite w) {
        queue.add(w);
    }

    /** Null while the last flush succeeded, else why the writer is retrying. */
    public String failure() {
        return failure;
    }

    public boolean alive() {
        return thread.isAlive();
    }

    public int pending() {
        return queue.size();
    }

    private void loop() {
        while (running) {
            try {
                PendingWrite first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first != null) {
                    flushWithRetry(collect(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // a bug: log it and keep the thread alive
                LOG.log(Level.SEVERE, "writer loop error", e);
            }
        }
    }

    private List<PendingWrite> collect(PendingWrite first) throws InterruptedException {
        List<PendingWrite> batch = new ArrayList<>(config.batchSize());
        batch.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.flushIntervalMs());
        while (batch.size() < config.batchSize()) {
            queue.drainTo(batch, config.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= config.batchSize() || left <= 0) {
                break;
            }
            PendingWrite next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void flushWithRetry(List<PendingWrite> batch) throws InterruptedException {
        long backoff = config.retryInitialMs();
        int attempt = 0;
        while (running) {
            try {
                flusher.flush(batch);
                if (failure != null) {
                    LOG.info("writes succeed again after " + attempt + " failed attempt(s)");
                }
                failure = null;
                return;
            } catch (RuntimeException e) {
                attempt++;
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                flusher.failedAttempt();
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.severe("write of " + batch.size() + " event(s) failed (attempt " + attempt
                            + "), retrying in " + backoff + " ms; nothing acknowledged: " + failure);
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, config.retryMaxMs());
            }
        }
    }

    @PreDestroy
    void stop() {
        // Unacknowledged records are simply redelivered after restart; idempotent writes make that safe.
        running = false;
        thread.interrupt();
    }
}
