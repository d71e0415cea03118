package dev.ca4.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Map;

/**
 * A validated, normalized GPU metadata event (schema version 1). Instances only come out of
 * {@link EventValidator}, so every field obeys the rules of docs/design.md; timestamps are UTC instants.
 *
 * @param receivedAt set by the processor when the API accepted the event (absent on client input)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema_version", "event_id", "produced_at", "received_at", "source", "image", "model",
        "embedding", "gpu", "timings_ms", "tags"})
public record GpuMetadataEvent(
        String schemaVersion,
        String eventId,
        Instant producedAt,
        Instant receivedAt,
        Source source,
        ImageInfo image,
        ModelInfo model,
        Embedding embedding,
        GpuInfo gpu,
        Timings timingsMs,
        Map<String, String> tags) {

    public static final String SCHEMA_VERSION = "1";

    /** The same event, stamped with the time the API received it. */
    public GpuMetadataEvent withReceivedAt(Instant at) {
        return new GpuMetadataEvent(schemaVersion, eventId, producedAt, at, source, image, model, embedding, gpu,
                timingsMs, tags);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String producer, String runId, String host) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageInfo(String id, String sha256, Integer width, Integer height, String contentType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelInfo(String name, String weights, String framework, String layer) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * The device the embedding ran on. The static facts, then a reading taken while the batch ran (null when the
     * producer cannot read it): utilisation in percent, memory used and free, and the newest CUDA version the
     * driver supports (which can be above {@code cudaVersion}, the runtime the producer runs on).
     */
    public record GpuInfo(String backend, String name, Integer count, Long memoryTotalMb, String cudaVersion,
                          String driverVersion, String computeCapability, Integer utilizationPct, Long memoryUsedMb,
                          Long memoryFreeMb, String driverCudaVersion) {

        /** Without a live reading (a CPU, or a GPU nvidia-smi cannot read). */
        public GpuInfo(String backend, String name, Integer count, Long memoryTotalMb, String cudaVersion,
                       String driverVersion, String computeCapability) {
            this(backend, name, count, memoryTotalMb, cudaVersion, driverVersion, computeCapability, null, null,
                    null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timings(Double preprocess, Double inference, Double total) {
    }
}
