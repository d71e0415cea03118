package dev.ca4.search.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.ca4.event.GpuMetadataEvent;

import java.util.Map;

/**
 * What the search service keeps of an indexed event besides its vector: the id it answers with, the fields a
 * query may filter on, and the image it describes. One JSON line of catalog.jsonl.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Entry(String eventId, String modelName, String runId, Map<String, String> tags,
                    GpuMetadataEvent.ImageInfo image) {

    public Entry {
        tags = tags == null || tags.isEmpty() ? Map.of() : Map.copyOf(tags);
    }

    public static Entry of(GpuMetadataEvent event) {
        return new Entry(event.eventId(), event.model() == null ? null : event.model().name(),
                event.source() == null ? null : event.source().runId(), event.tags(), event.image());
    }
}
