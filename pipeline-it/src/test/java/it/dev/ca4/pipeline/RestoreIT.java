package it.dev.ca4.pipeline;

import dev.ca4.event.SampleEvents;
import dev.ca4.worker.archive.SegmentStore;
import dev.ca4.worker.restore.ArchiveRestore;
import dev.ca4.worker.transform.EmbeddingFormat;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archive is enough: after a run, a dropped collection comes back from the segments, equal to before. */
class RestoreIT {
    private static final ArchiveRestore.Progress QUIET = new ArchiveRestore.Progress() {
        @Override
        public void start(int segments) {
        }

        @Override
        public void segmentDone(String key, int rows) {
        }
    };

    private static Map<Object, Document> everyDocument() {
        Map<Object, Document> all = new HashMap<>();
        Pipeline.documents().find().forEach(d -> all.put(d.get("_id"), d));
        return all;
    }

    @Test
    void droppedCollectionIsRestoredEqualToBeforeAndARepeatChangesNothing() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            int dim = i % 4 == 0 ? 2048 : 64; // two dimensions: at least two segments
            assertEquals(202, Pipeline.post(SampleEvents.withBase64(id, dim, new Random(i)).toString()).statusCode());
            ids.add(id.toString());
        }
        Pipeline.await("all 40 stored", Duration.ofSeconds(60), () -> Pipeline.allStored(ids));
        // nothing else in flight: the snapshot is the whole run (earlier tests' records included)
        Pipeline.await("the worker's group has no lag", Duration.ofSeconds(120),
                () -> Pipeline.worker().get("/stats").jsonPath().getLong("lag") == 0);
        Map<Object, Document> before = everyDocument();
        assertTrue(before.values().stream().allMatch(d -> d.containsKey("archive")), "every document archived");

        Pipeline.documents().drop();
        assertEquals(0, Pipeline.documents().countDocuments());
        try (S3Client s3 = Pipeline.s3()) {
            ArchiveRestore restore = new ArchiveRestore(new SegmentStore(s3, "ca4-archive", "unused"),
                    Pipeline.documents(),
                    EmbeddingFormat.parse(System.getenv().getOrDefault("CA4_STORE_EMBEDDING_FORMAT", "vector")));
            ArchiveRestore.Result first = restore.run("segments/", QUIET);
            Map<Object, Document> after = everyDocument();
            assertEquals(before.keySet(), after.keySet());
            for (Object id : before.keySet()) {
                assertEquals(before.get(id), after.get(id), "document " + id);
            }
            assertEquals(before.size(), first.inserted());
            assertEquals(0, first.refused());

            ArchiveRestore.Result again = restore.run("segments/", QUIET);
            assertEquals(0, again.inserted(), "a second restore adds nothing");
            assertEquals(first.rows(), again.alreadyPresent());
            assertEquals(before.size(), everyDocument().size());
        }
    }
}
