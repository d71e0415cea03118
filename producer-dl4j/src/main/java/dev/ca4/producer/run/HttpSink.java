package dev.ca4.producer.run;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.client.Outcome;
import dev.ca4.producer.client.ProcessorClient;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Posts batches on {@code concurrency} threads while inference goes on; at most two batches wait per thread. */
public final class HttpSink implements EventSink {

    private final ProcessorClient client;
    private final ExecutorService posters;
    private final Semaphore inFlight;

    public HttpSink(ProcessorClient client, int concurrency) {
        this.client = client;
        this.posters = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "ca4-producer-post");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(concurrency * 2);
    }

    @Override
    public void submit(List<GpuMetadataEvent> batch, Consumer<List<Outcome>> done) throws InterruptedException {
        inFlight.acquire();
        posters.execute(() -> {
            try {
                done.accept(client.send(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.accept(batch.stream().map(ev -> new Outcome(ev.eventId(), Outcome.Kind.FAILED, 0,
                        "interrupted before it was accepted")).toList());
            } finally {
                inFlight.release();
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        posters.shutdown();
        posters.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    }
}
