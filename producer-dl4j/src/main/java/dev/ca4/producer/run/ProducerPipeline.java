package dev.ca4.producer.run;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.client.Outcome;
import dev.ca4.producer.embed.EmbeddingEngine;
import dev.ca4.producer.image.ImageException;
import dev.ca4.producer.image.PreparedImage;
import dev.ca4.producer.image.ResNetPreprocessor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Three overlapping stages: {@code decodeThreads} threads decode and preprocess into a bounded queue; the calling
 * thread batches, runs the model and builds events; the sink posts them on its own threads. Bounded queues keep
 * memory flat whatever the number of images. A bad image is reported and skipped; nothing stops the run but an
 * abort (the API refusing the key).
 */
public final class ProducerPipeline {
    private static final Logger LOG = Logger.getLogger(ProducerPipeline.class.getName());
    private static final PreparedImage END = new PreparedImage("", "", 1, 1, null, new float[0], 0);

    /** @param batchSize images per inference call (and per POST) */
    public record Settings(int batchSize, int decodeThreads) {
    }

    private final ResNetPreprocessor preprocessor;
    private final EmbeddingEngine engine;
    private final EventFactory events;
    private final EventSink sink;
    private final RunStats stats;
    private final Progress progress;
    private final Receipts receipts;
    private final Settings settings;

    public ProducerPipeline(ResNetPreprocessor preprocessor, EmbeddingEngine engine, EventFactory events,
                            EventSink sink, RunStats stats, Progress progress, Receipts receipts, Settings settings) {
        this.preprocessor = preprocessor;
        this.engine = engine;
        this.events = events;
        this.sink = sink;
        this.stats = stats;
        this.progress = progress;
        this.receipts = receipts;
        this.settings = settings;
    }

    public Summary run(List<Path> images) throws InterruptedException {
        BlockingQueue<PreparedImage> ready = new ArrayBlockingQueue<>(settings.batchSize() * 2);
        ConcurrentLinkedQueue<Path> todo = new ConcurrentLinkedQueue<>(images);
        CountDownLatch decoding = new CountDownLatch(settings.decodeThreads());
        List<Thread> decoders = new ArrayList<>();
        for (int i = 0; i < settings.decodeThreads(); i++) {
            Thread t = new Thread(() -> decode(todo, ready, decoding), "ca4-producer-decode-" + i);
            t.setDaemon(true);
            t.start();
            decoders.add(t);
        }
        try {
            for (List<PreparedImage> batch = nextBatch(ready, decoding); !batch.isEmpty();
                 batch = nextBatch(ready, decoding)) {
                infer(batch);
            }
        } finally {
            decoders.forEach(Thread::interrupt);
            sink.close();
            progress.update();
        }
        return stats.summary();
    }

    private void decode(ConcurrentLinkedQueue<Path> todo, BlockingQueue<PreparedImage> ready, CountDownLatch done) {
        try {
            for (Path p = todo.poll(); p != null && stats.abortReason() == null; p = todo.poll()) {
                try {
                    ready.put(preprocessor.prepare(p, p.toString()));
                } catch (ImageException e) {
                    imageFailed(p.toString(), e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
            if (done.getCount() == 0) {
                ready.offer(END); // wakes the batcher; there is room, it drains the queue continuously
            }
        }
    }

    /** Up to batchSize images: waits for the first, then takes what arrives without a real pause. */
    private List<PreparedImage> nextBatch(BlockingQueue<PreparedImage> ready, CountDownLatch decoding)
            throws InterruptedException {
        List<PreparedImage> batch = new ArrayList<>();
        while (batch.size() < settings.batchSize() && stats.abortReason() == null) {
            PreparedImage next = batch.isEmpty() ? ready.poll(1, TimeUnit.SECONDS) : ready.poll(50, TimeUnit.MILLISECONDS);
            if (next == END || next == null && decoding.getCount() == 0 && ready.isEmpty()) {
                ready.offer(END);
                break;
            }
            if (next == null) {
                if (!batch.isEmpty()) {
                    break;
                }
                continue;
            }
            batch.add(next);
        }
        if (stats.abortReason() != null) {
            batch.clear();
        }
        return batch;
    }

    private void infer(List<PreparedImage> batch) throws InterruptedException {
        float[][] inputs = batch.stream().map(PreparedImage::tensor).toArray(float[][]::new);
        long start = System.nanoTime();
        float[][] embeddings;
        try {
            embeddings = engine.embed(inputs);
        } catch (RuntimeException e) {
            LOG.severe("inference failed for " + batch.size() + " images: " + e);
            batch.forEach(img -> imageFailed(img.id(), "inference failed: " + e.getMessage()));
            return;
        }
        double perImage = (System.nanoTime() - start) / 1e6 / batch.size();
        stats.embedded(batch.size(), perImage);
        List<GpuMetadataEvent> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!allFinite(embeddings[i])) {
                imageFailed(batch.get(i).id(), "the model produced a non-finite embedding");
            } else {
                out.add(events.build(batch.get(i), embeddings[i], perImage));
            }
        }
        if (!out.isEmpty()) {
            sink.submit(out, outcomes -> record(out, outcomes));
        }
    }

    private void record(List<GpuMetadataEvent> sent, List<Outcome> outcomes) {
        for (int i = 0; i < sent.size(); i++) {
            Outcome o = outcomes.get(i);
            String image = sent.get(i).image().id();
            if (o.kind() == Outcome.Kind.REJECTED || o.kind() == Outcome.Kind.FAILED) {
                LOG.warning(image + " " + o.kind().name().toLowerCase() + " (event_id " + o.eventId() + "): "
                        + o.detail());
            }
            receipts.outcome(image, o);
            stats.outcome(o);
        }
        progress.update();
    }

    private void imageFailed(String image, String reason) {
        LOG.warning("skipped " + image + ": " + reason);
        receipts.imageFailed(image, reason);
        stats.imageFailed();
        progress.update();
    }

    static boolean allFinite(float[] v) {
        for (float f : v) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }
}
