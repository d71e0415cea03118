package dev.ca4.worker.archive;

import dev.ca4.worker.decode.TestRecords;
import dev.ca4.worker.record.ConsumedRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentFormatTest {
    private static final long T0 = 1_764_936_000_000L;

    private static List<ConsumedRecord> rows(long first, int n, int dim) {
        List<ConsumedRecord> rows = new ArrayList<>();
        for (long o = first; o < first + n; o++) {
            rows.add(TestRecords.event(3, o, T0 + o, dim));
        }
        return rows;
    }

    @Test
    void roundTripKeepsEveryEventItsOffsetAndItsExactVector() {
        List<ConsumedRecord> rows = rows(40, 5, 2048);
        SegmentFormat.ArchivedSegment s = SegmentFormat.decode(SegmentFormat.encode(rows));
        assertEquals(new SegmentManifest(SegmentManifest.FORMAT, "gpu-metadata", 3, 40, 44, 5, 2048,
                List.of(40L, 41L, 42L, 43L, 44L), List.of(T0 + 40, T0 + 41, T0 + 42, T0 + 43, T0 + 44)), s.manifest());
        for (int i = 0; i < 5; i++) {
            ConsumedRecord r = rows.get(i);
            assertEquals(r.event().eventId(), s.events().get(i).get("event_id").asText());
            assertFalse(s.events().get(i).get("embedding").has("values_b64"), "the vector is in the matrix only");
            assertArrayEquals(r.event().embedding().values(), s.vector(i));
            ConsumedRecord again = TestRecords.DECODER.decode(r.origin(), r.timestamp(),
                    s.event(i).toString().getBytes(), () -> { });
            assertEquals(r.event(), again.event(), "row " + i + " decodes to the event that was consumed");
        }
    }

    /**
     * A redelivered range is never rewritten (If-None-Match), so a worker of another version must make the same
     * bytes as the one that wrote the object: this pins them (SHA-256 of a segment the first segment format made).
     * Change it only with a new format name in the manifest.
     */
    @Test
    void bytesAreThoseOfTheFirstFormatVersion() throws Exception {
        List<ConsumedRecord> rows = new ArrayList<>();
        for (long o = 20; o < 27; o++) {
            rows.add(TestRecords.event(7, o, T0 + o, 64));
        }
        SegmentFormat.Encoded encoded = SegmentFormat.encoded(rows);
        byte[] streamed = encoded.stream().readAllBytes();
        assertEquals("99e760a2d8c2ce9c8db8ce4dba39a606ffe6f03086fe85f74777af2b02fbff5d",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(streamed)));
        assertArrayEquals(streamed, SegmentFormat.encode(rows));
    }

    @Test
    void sameRecordsGiveTheSameBytes() {
        assertArrayEquals(SegmentFormat.encode(rows(7, 20, 64)), SegmentFormat.encode(rows(7, 20, 64)));
    }

    @Test
    void otherRecordsGiveOtherBytes() {
        assertFalse(java.util.Arrays.equals(SegmentFormat.encode(rows(7, 20, 64)), SegmentFormat.encode(rows(7, 21, 64))));
    }

    @Test
    void isAStandardZipWithTheVectorsStoredAsOneFloat32Matrix() throws Exception {
        byte[] zip = SegmentFormat.encode(rows(0, 10, 2048));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (e.getName().equals("embeddings.f32")) {
                    assertEquals(10 * 2048 * 4, in.readAllBytes().length);
                }
            }
        }
        assertEquals(List.of("segment.json", "events.jsonl", "embeddings.f32"), names);
        assertTrue(zip.length < 10 * (2048 * 4 + 1024), "about 8 KB a 2,048-d event: " + zip.length);
    }

    @Test
    void refusesMixedDimensions() {
        List<ConsumedRecord> rows = new ArrayList<>(rows(0, 2, 8));
        rows.add(TestRecords.event(3, 2, T0, 16));
        assertThrows(IllegalArgumentException.class, () -> SegmentFormat.encode(rows));
    }

    @Test
    void refusesAnObjectThatIsNoSegment() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentFormat.decode("hello".getBytes()));
        assertTrue(e.getMessage().startsWith("not a segment"), e.getMessage());
    }
}
