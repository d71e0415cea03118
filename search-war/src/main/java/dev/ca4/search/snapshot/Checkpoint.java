package dev.ca4.search.snapshot;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;
import java.util.TreeMap;

/**
 * A consistent cut of the snapshot: the topic (by id, so a topic deleted and made again is not mistaken for it),
 * the next offset to read of each partition, and how much of the vector file and of the catalog those offsets
 * account for. Written only after both files are durable up to that point.
 *
 * @param vectors      vectors in vectors.f32 that the offsets cover (the catalog holds as many entries)
 * @param catalogBytes bytes of catalog.jsonl that hold them
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Checkpoint(String topic, String topicId, Map<Integer, Long> offsets, int vectors, long catalogBytes) {

    public Checkpoint {
        offsets = Map.copyOf(new TreeMap<>(offsets));
    }

    /** An empty index of this topic, read from the start. */
    public static Checkpoint empty(String topic, String topicId) {
        return new Checkpoint(topic, topicId, Map.of(), 0, 0);
    }

    public long offset(int partition) {
        return offsets.getOrDefault(partition, 0L);
    }
}
