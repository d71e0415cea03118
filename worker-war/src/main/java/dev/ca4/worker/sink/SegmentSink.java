package dev.ca4.worker.sink;

import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.decode.DecodedSegment;
import dev.ca4.worker.metrics.WorkerMetrics;
import dev.ca4.worker.record.ConsumedRecord;
import dev.ca4.worker.record.PolledRecord;
import dev.ca4.worker.segment.Segment;
import dev.ca4.worker.segment.SegmentAssembler;
import dev.ca4.worker.segment.SegmentPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where consumed records go: each partition's records are assembled into segments ({@link SegmentAssembler}),
 * and {@code ca4.sink.writers} threads decode and commit the sealed ones ({@link SegmentCommitter}). A failed
 * commit is retried in place with exponential backoff, forever and without acknowledging anything: nacking would stop the
 * channel, and every step is idempotent. Memory stays bounded because the connector stops delivering at
 * {@code unacked.limit} unacknowledged records.
 */
@ApplicationScoped
public class SegmentSink {
    private static final Logger LOG = Logger.getLogger(SegmentSink.class.getName());

    @Inject
    WorkerConfig config;
    @Inject
    SegmentCommitter committer;
    @Inject
    WorkerMetrics metrics;

    private final LinkedBlockingQueue<Segment> sealed = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedRecords = new AtomicInteger();
    private final List<Thread> writers = new ArrayList<>();
    private SegmentAssembler assembler;
    private ScheduledExecutorService timer;
    private volatile boolean running = true;
    private volatile String failure; // null while commits succeed

    @PostConstruct
    void start() {
        assembler = new SegmentAssembler(new SegmentPolicy(config.segmentLimits()), this::enqueue, System::nanoTime,
                System::currentTimeMillis);
        for (int i = 0; i < config.sinkWriters(); i++) {
            Thread t = new Thread(this::loop, "ca4-segment-writer-" + i);
            t.setDaemon(true);
            t.start();
            writers.add(t);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ca4-segment-timer");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(5, config.segmentLimits().maxOpenMs() / 5);
        timer.scheduleWithFixedDelay(this::sealExpired, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Takes one consumed record; it is acknowledged once its segment is committed. */
    public void submit(PolledRecord r) {
        metrics.stage(WorkerMetrics.Stage.DELIVERY, (System.currentTimeMillis() - r.timestamp()) * 1_000_000L);
        assembler.add(r);
    }

    /** Null while the last commit succeeded, else why the writers are retrying. */
    public String failure() {
        return failure;
    }

    public boolean alive() {
        return writers.stream().allMatch(Thread::isAlive);
    }

    /** Records consumed but not yet committed. */
    public int pending() {
        return assembler.held() + queuedRecords.get();
    }

    private void enqueue(Segment s) {
        queuedRecords.addAndGet(s.records().size());
        sealed.add(s);
    }

    private void sealExpired() {
        try {
            assembler.sealExpired();
        } catch (RuntimeException e) { // a bug: keep the timer alive
            LOG.log(Level.SEVERE, "segment timer error", e);
        }
    }

    private void loop() {
        while (running) {
            try {
                Segment s = sealed.poll(500, TimeUnit.MILLISECONDS);
                if (s != null) {
                    long taken = System.nanoTime();
                    metrics.stage(WorkerMetrics.Stage.OPEN, s.sealedAtNanos() - s.openedAtNanos());
                    metrics.stage(WorkerMetrics.Stage.QUEUE, taken - s.sealedAtNanos());
                    DecodedSegment decoded = committer.decode(s);
                    withRetry(s, () -> committer.deadLetter(decoded));
                    for (List<ConsumedRecord> run : decoded.runs()) {
                        withRetry(s, () -> committer.store(run));
                    }
                    queuedRecords.addAndGet(-s.records().size());
                    metrics.stage(WorkerMetrics.Stage.COMMIT, System.nanoTime() - taken);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // a bug: log it and keep the thread alive
                LOG.log(Level.SEVERE, "segment writer error", e);
            }
        }
    }

    private void withRetry(Segment s, Runnable step) throws InterruptedException {
        long backoff = config.retryInitialMs();
        int attempt = 0;
        while (running) {
            try {
                step.run();
                if (attempt > 0) {
                    LOG.info("writes succeed again after " + attempt + " failed attempt(s)");
                    failure = null;
                }
                return;
            } catch (RuntimeException e) {
                attempt++;
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                committer.failedAttempt();
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.severe("commit of segment " + s.topic() + "+" + s.partition() + "+" + s.firstOffset() + " ("
                            + s.records().size() + " records) failed (attempt " + attempt + "), retrying in "
                            + backoff + " ms; nothing acknowledged: " + failure);
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, config.retryMaxMs());
            }
        }
    }

    @PreDestroy
    void stop() {
        // Records not yet committed are simply redelivered after restart; idempotent writes make that safe.
        running = false;
        timer.shutdownNow();
        writers.forEach(Thread::interrupt);
    }
}
