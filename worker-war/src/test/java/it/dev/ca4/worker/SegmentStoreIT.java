package it.dev.ca4.worker;

import dev.ca4.worker.archive.RowPlacement;
import dev.ca4.worker.archive.SegmentFormat;
import dev.ca4.worker.archive.SegmentStore;
import dev.ca4.worker.decode.TestRecords;
import dev.ca4.worker.record.ConsumedRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The archive's write rule against the real S3 server: a redelivered range never makes a second version of a
 * key, and every row's place holds that row. A bucket of its own, so the restore test sees none of these.
 */
class SegmentStoreIT {
    private static final long T0 = 1_764_936_000_000L;
    private static final String BUCKET = "ca4-it-segments-" + UUID.randomUUID().toString().substring(0, 8);
    private static S3Client s3;
    private static SegmentStore store;

    @BeforeAll
    static void bucket() {
        s3 = Stores.s3();
        s3.createBucket(b -> b.bucket(BUCKET));
        store = new SegmentStore(s3, BUCKET, "it");
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static List<ConsumedRecord> rows(int partition, long first, int n) {
        List<ConsumedRecord> rows = new ArrayList<>();
        for (long o = first; o < first + n; o++) {
            rows.add(TestRecords.event(partition, o, T0 + o, 16));
        }
        return rows;
    }

    private static byte[] bytes(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }

    private static void assertRowsHold(List<ConsumedRecord> rows, List<RowPlacement> places) {
        for (int i = 0; i < rows.size(); i++) {
            SegmentFormat.ArchivedSegment s = SegmentFormat.decode(bytes(places.get(i).key()));
            assertEquals(rows.get(i).event().eventId(), s.events().get(places.get(i).row()).get("event_id").asText());
        }
    }

    @Test
    void redeliveredRangeKeepsTheObjectAndItsSealTime() {
        Instant first = Instant.parse("2025-12-05T12:00:00Z");
        List<RowPlacement> a = store.write(rows(1, 0, 10), first);
        byte[] before = bytes(a.get(0).key());
        List<RowPlacement> b = store.write(rows(1, 0, 10), first.plusSeconds(60));
        assertEquals(a, b, "same key, same rows, the first seal time");
        assertArrayEquals(before, bytes(a.get(0).key()));
        assertEquals("segments/2025/12/05/gpu-metadata+1+0000000000.zip", a.get(0).key());
    }

    @Test
    void longerRedeliveryPointsIntoTheExistingObjectAndArchivesOnlyTheRest() {
        Instant first = Instant.parse("2025-12-05T12:00:00Z");
        store.write(rows(2, 100, 5), first);
        List<ConsumedRecord> longer = rows(2, 100, 8);
        List<RowPlacement> places = store.write(longer, first.plusSeconds(5));
        for (int i = 0; i < 5; i++) {
            assertEquals(new RowPlacement("segments/2025/12/05/gpu-metadata+2+0000000100.zip", i, first), places.get(i));
        }
        for (int i = 5; i < 8; i++) {
            assertEquals(new RowPlacement("segments/2025/12/05/gpu-metadata+2+0000000105.zip", i - 5,
                    first.plusSeconds(5)), places.get(i));
        }
        assertRowsHold(longer, places);
    }

    @Test
    void shorterRedeliveryPointsIntoTheExistingObject() {
        Instant first = Instant.parse("2025-12-05T12:00:00Z");
        store.write(rows(3, 0, 6), first);
        List<ConsumedRecord> shorter = rows(3, 0, 3);
        List<RowPlacement> places = store.write(shorter, first.plusSeconds(5));
        assertEquals(List.of(0, 1, 2), places.stream().map(RowPlacement::row).toList());
        places.forEach(p -> assertEquals(first, p.sealedAt()));
        assertRowsHold(shorter, places);
        assertEquals(1, store.list("segments/").filter(o -> o.key().contains("gpu-metadata+3+")).count());
    }
}
