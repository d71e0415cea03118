package it.dev.ca4.pipeline;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The helper every "stored exactly once" assertion uses must be able to see a second copy: two documents of one
 * event under different {@code _id}s (what a worker that derived {@code _id} differently on a redelivery would
 * write) count as 2. Writes its own documents straight to the store and removes them.
 */
class PipelineCopiesIT {

    @Test
    void copiesCountsEveryDocumentOfAnEventNotItsPrimaryKey() {
        String event = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        List<Document> planted = List.of(new Document("_id", event).append("event_id", event),
                new Document("_id", event + "-again").append("event_id", event),
                new Document("_id", other).append("event_id", other));
        Pipeline.documents().insertMany(planted);
        try {
            assertEquals(2, Pipeline.copies(event), "a duplicate under another _id");
            assertEquals(1, Pipeline.copies(other));
            assertEquals(0, Pipeline.copies(UUID.randomUUID().toString()));
            assertEquals(Map.of(event, 2L, other, 1L), Pipeline.copies(List.of(event, other, "never-sent")));
        } finally {
            Pipeline.documents().deleteMany(new Document("event_id", new Document("$in", List.of(event, other))));
        }
    }
}
