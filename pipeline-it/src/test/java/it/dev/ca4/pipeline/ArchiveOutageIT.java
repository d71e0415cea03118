package it.dev.ca4.pipeline;

import dev.ca4.worker.archive.SegmentFormat;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * With archiving on, the S3 archive is written before the document: while S3 is down the worker
 * holds its segments (readiness DOWN, nothing stored half-way), and once S3 is back every event is
 * stored exactly once, its document naming the segment row that holds it.
 */
class ArchiveOutageIT {

    @AfterAll
    static void archiveIsBack() {
        Pipeline.STACK.start("s3");
    }

    @Test
    void archiveDownWhileEventsFlowThenEveryEventArchivedAndStoredExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>(Pipeline.sendSamples(20));
        Pipeline.STACK.stop("s3");
        // the API does not depend on the archive: still accepted
        List<String> sentWhileDown = Pipeline.sendSamples(20);
        ids.addAll(sentWhileDown);
        Pipeline.awaitWorkerReadiness(503, Duration.ofSeconds(30));
        // Nothing sent during the outage may be stored without its archive.
        assertEquals(Map.of(), Pipeline.copies(sentWhileDown), "stored while their archive could not be written");
        Pipeline.STACK.start("s3");
        Pipeline.awaitWorkerReadiness(200, Duration.ofSeconds(60));
        Pipeline.await("all " + ids.size() + " events stored", Duration.ofSeconds(90),
                () -> Pipeline.allStored(ids));
        Map<String, Long> copies = Pipeline.copies(ids);
        for (String id : ids) {
            assertEquals(1L, copies.get(id), "copies of " + id);
            Document archive = Pipeline.documents().find(new Document("_id", id)).first().get("archive", Document.class);
            assertNotNull(archive, "archive place of " + id);
            SegmentFormat.ArchivedSegment segment = Pipeline.segment(archive.getString("segment"));
            assertEquals(id, segment.events().get(archive.getInteger("row")).get("event_id").asText(),
                    "the row " + archive + " names holds the event");
        }
    }
}
