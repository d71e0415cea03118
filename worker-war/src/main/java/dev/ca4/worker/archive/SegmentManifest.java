package dev.ca4.worker.archive;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code segment.json} of a segment object: where its rows came from. Row i is line i of {@code events.jsonl}
 * and row i of the float32 matrix {@code embeddings.f32} ({@code rows} x {@code dim}, little-endian).
 */
public record SegmentManifest(@JsonProperty("format") String format,
                              @JsonProperty("topic") String topic,
                              @JsonProperty("partition") int partition,
                              @JsonProperty("first_offset") long firstOffset,
                              @JsonProperty("last_offset") long lastOffset,
                              @JsonProperty("rows") int rows,
                              @JsonProperty("dim") int dim,
                              @JsonProperty("offsets") List<Long> offsets,
                              @JsonProperty("timestamps") List<Long> timestamps) {
    public static final String FORMAT = "ca4-segment/1";
}
