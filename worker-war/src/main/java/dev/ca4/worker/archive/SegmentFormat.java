package dev.ca4.worker.archive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EmbeddingCodec;
import dev.ca4.event.EventJson;
import dev.ca4.worker.record.ConsumedRecord;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A segment object's bytes (docs/archive-segments.md): a ZIP holding {@code segment.json} (the manifest),
 * {@code events.jsonl} (deflated: one event a line, as consumed, its embedding reduced to {@code dim}) and
 * {@code embeddings.f32} (stored: the vectors as one little-endian float32 matrix, row i = line i). The bytes
 * depend only on the records (fixed entry times, fixed compression level), so the same records always give the
 * same object. {@code unzip -p <object> events.jsonl} reads it with standard tools.
 */
public final class SegmentFormat {
    static final String MANIFEST = "segment.json";
    static final String EVENTS = "events.jsonl";
    static final String EMBEDDINGS = "embeddings.f32";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private SegmentFormat() {
    }

    /** Encodes {@code rows} (records to store, one partition, offset order, one dimension). */
    public static byte[] encode(List<ConsumedRecord> rows) {
        return encoded(rows).toByteArray();
    }

    /**
     * The same bytes without a final copy: a segment is megabytes, and each copy of it is a humongous allocation
     * for G1 (bench/README.md, "The sink, second round").
     */
    public static Encoded encoded(List<ConsumedRecord> rows) {
        ConsumedRecord first = rows.get(0);
        int dim = first.dim();
        List<Long> offsets = new ArrayList<>(rows.size());
        List<Long> timestamps = new ArrayList<>(rows.size());
        ByteArrayOutputStream events = new ByteArrayOutputStream(rows.size() * 1024);
        try {
            for (ConsumedRecord r : rows) {
                if (r.dim() != dim || r.origin().partition() != first.origin().partition()) {
                    throw new IllegalArgumentException("a segment holds one partition and one dimension");
                }
                offsets.add(r.origin().offset());
                timestamps.add(r.timestamp());
                EventJson.MAPPER.writeValue(events, r.json());
                events.write('\n');
            }
            SegmentManifest m = new SegmentManifest(SegmentManifest.FORMAT, first.origin().topic(),
                    first.origin().partition(), offsets.get(0), offsets.get(offsets.size() - 1), rows.size(), dim,
                    offsets, timestamps);
            long matrixBytes = (long) rows.size() * dim * Float.BYTES;
            Buffer out = new Buffer((int) Math.min(Integer.MAX_VALUE - 8, matrixBytes + events.size() / 2 + 4096));
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_SPEED);
                deflated(zip, MANIFEST, EventJson.MAPPER.writeValueAsBytes(m));
                deflated(zip, EVENTS, events.toByteArray());
                storedMatrix(zip, rows, dim, matrixBytes);
            }
            return out.encoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A segment's bytes: {@code length} bytes of {@code buffer}. */
    public record Encoded(byte[] buffer, int length) {

        public InputStream stream() {
            return new ByteArrayInputStream(buffer, 0, length);
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(buffer, length);
        }
    }

    /** A ByteArrayOutputStream whose bytes are handed over without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        Encoded encoded() {
            return new Encoded(buf, count);
        }
    }

    public static ArchivedSegment decode(byte[] object) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(object))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
            for (String name : List.of(MANIFEST, EVENTS, EMBEDDINGS)) {
                if (!entries.containsKey(name)) {
                    throw new IllegalArgumentException("not a segment: no " + name);
                }
            }
            SegmentManifest m = EventJson.MAPPER.readValue(entries.get(MANIFEST), SegmentManifest.class);
            if (!SegmentManifest.FORMAT.equals(m.format())) {
                throw new IllegalArgumentException("unknown segment format " + m.format());
            }
            List<ObjectNode> lines = new ArrayList<>(m.rows());
            for (String line : new String(entries.get(EVENTS), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    lines.add((ObjectNode) EventJson.MAPPER.readTree(line));
                }
            }
            byte[] f32 = entries.get(EMBEDDINGS);
            if (lines.size() != m.rows() || m.offsets().size() != m.rows() || f32.length != m.rows() * m.dim() * 4) {
                throw new IllegalArgumentException("segment " + m.topic() + "+" + m.partition() + "+"
                        + m.firstOffset() + " is inconsistent: " + m.rows() + " rows, " + lines.size() + " events, "
                        + f32.length + " embedding bytes");
            }
            return new ArchivedSegment(m, lines, f32);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a segment: " + e.getMessage(), e);
        }
    }

    /** A decoded segment. */
    public record ArchivedSegment(SegmentManifest manifest, List<ObjectNode> events, byte[] embeddings) {

        /** Row i's event with its vector put back as {@code values_b64}: the record as it was consumed. */
        public ObjectNode event(int row) {
            ObjectNode e = events.get(row).deepCopy();
            e.withObjectProperty("embedding").put("values_b64", Base64.getEncoder().encodeToString(rowBytes(row)));
            return e;
        }

        public float[] vector(int row) {
            return EmbeddingCodec.fromBytes(rowBytes(row));
        }

        private byte[] rowBytes(int row) {
            int width = manifest.dim() * Float.BYTES;
            return Arrays.copyOfRange(embeddings, row * width, (row + 1) * width);
        }
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * The embeddings entry, written row by row through one row buffer rather than from a matrix built first: a
     * stored ZIP entry needs its CRC before its data, so the rows are converted twice (CRC, then write), which
     * costs less than a segment-sized array.
     */
    private static void storedMatrix(ZipOutputStream zip, List<ConsumedRecord> rows, int dim, long size)
            throws IOException {
        ByteBuffer row = ByteBuffer.allocate(dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        CRC32 crc = new CRC32();
        for (ConsumedRecord r : rows) {
            crc.update(rowBytes(row, r));
        }
        ZipEntry e = new ZipEntry(EMBEDDINGS);
        e.setTimeLocal(ENTRY_TIME);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        for (ConsumedRecord r : rows) {
            zip.write(rowBytes(row, r));
        }
        zip.closeEntry();
    }

    private static byte[] rowBytes(ByteBuffer row, ConsumedRecord r) {
        row.clear();
        row.asFloatBuffer().put(r.event().embedding().values());
        return row.array();
    }
}
