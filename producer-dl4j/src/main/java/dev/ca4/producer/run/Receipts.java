package dev.ca4.producer.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;
import dev.ca4.producer.client.Outcome;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code --receipts FILE}: one JSON line per image, {@code {image, event_id, outcome, status, detail}}, so a
 * caller can check later that what was accepted got stored (make run does, with the demo client).
 */
public final class Receipts implements AutoCloseable {

    private final BufferedWriter out;

    private Receipts(BufferedWriter out) {
        this.out = out;
    }

    /** No file: receipts are not kept. */
    public static Receipts none() {
        return new Receipts(null);
    }

    public static Receipts to(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return new Receipts(Files.newBufferedWriter(file));
    }

    public void outcome(String imageId, Outcome o) {
        ObjectNode line = EventJson.MAPPER.createObjectNode().put("image", imageId).put("event_id", o.eventId())
                .put("outcome", o.kind().name().toLowerCase(Locale.ROOT)).put("status", o.status());
        if (o.detail() != null) {
            line.put("detail", o.detail());
        }
        write(line);
    }

    public void imageFailed(String imageId, String detail) {
        write(EventJson.MAPPER.createObjectNode().put("image", imageId).put("outcome", "failed").put("detail", detail));
    }

    private synchronized void write(ObjectNode line) {
        if (out == null) {
            return;
        }
        try {
            out.write(line.toString());
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write receipts: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
