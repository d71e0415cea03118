package dev.ca4.producer.run;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.client.Outcome;

import java.util.List;
import java.util.function.Consumer;

/** Where the events go: the processor API, or a JSON Lines file in a dry run. */
public interface EventSink extends AutoCloseable {

    /**
     * Hands over one batch; {@code done} gets one outcome per event, possibly later and on another thread.
     * Blocks while too many batches are in flight (backpressure on inference).
     */
    void submit(List<GpuMetadataEvent> batch, Consumer<List<Outcome>> done) throws InterruptedException;

    /** Waits until every submitted batch has its outcomes. */
    @Override
    void close() throws InterruptedException;
}
