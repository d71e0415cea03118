package dev.ca4.producer.run;

import dev.ca4.event.EventJson;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.client.Outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** {@code --dry-run} / {@code --output}: one event per line, exactly the JSON that would have been posted. */
public final class JsonLinesSink implements EventSink {

    private final OutputStream out;
    private final boolean closeStream;

    /** @param closeStream false for stdout */
    public JsonLinesSink(OutputStream out, boolean closeStream) {
        this.out = out;
        this.closeStream = closeStream;
    }

    @Override
    public synchronized void submit(List<GpuMetadataEvent> batch, Consumer<List<Outcome>> done) {
        try {
            for (GpuMetadataEvent event : batch) {
                out.write(EventJson.toBytes(event));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events: " + e.getMessage(), e);
        }
        done.accept(batch.stream().map(ev -> new Outcome(ev.eventId(), Outcome.Kind.WRITTEN, 0, null)).toList());
    }

    @Override
    public synchronized void close() {
        try {
            out.flush();
            if (closeStream) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events: " + e.getMessage(), e);
        }
    }
}
