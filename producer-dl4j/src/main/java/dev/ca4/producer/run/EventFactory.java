package dev.ca4.producer.run;

import dev.ca4.event.Embedding;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.image.PreparedImage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds the schema-v1 event of one image. Its {@code event_id} is derived from run id, image id and the file's
 * SHA-256, so a retry or a re-run with the same {@code --run-id} never makes a second document.
 */
public final class EventFactory {

    private final GpuMetadataEvent.Source source;
    private final GpuMetadataEvent.ModelInfo model;
    private final Supplier<GpuMetadataEvent.GpuInfo> gpu;
    private final Map<String, String> tags;
    private final Clock clock;

    public EventFactory(GpuMetadataEvent.Source source, GpuMetadataEvent.ModelInfo model,
                        Supplier<GpuMetadataEvent.GpuInfo> gpu, Map<String, String> tags, Clock clock) {
        this.source = source;
        this.model = model;
        this.gpu = gpu;
        this.tags = tags.isEmpty() ? null : Map.copyOf(tags);
        this.clock = clock;
    }

    public GpuMetadataEvent build(PreparedImage image, float[] embedding, double inferenceMs) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var info = new GpuMetadataEvent.ImageInfo(image.id(), image.sha256(), image.width(), image.height(),
                image.contentType());
        var timings = new GpuMetadataEvent.Timings(round(image.preprocessMs()), round(inferenceMs),
                round(image.preprocessMs() + inferenceMs));
        return new GpuMetadataEvent(GpuMetadataEvent.SCHEMA_VERSION, eventId(source.runId(), image),
                now, null, source, info, model, new Embedding(embedding), gpu.get(), timings, tags);
    }

    static String eventId(String runId, PreparedImage image) {
        String key = runId + "\n" + image.id() + "\n" + image.sha256();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
