package dev.ca4.worker.decode;

import dev.ca4.event.SampleEvents;
import dev.ca4.worker.record.ConsumedRecord;
import dev.ca4.worker.record.PolledRecord;
import dev.ca4.worker.record.RecordOrigin;
import dev.ca4.worker.transform.DocumentTransforms;
import dev.ca4.worker.transform.EmbeddingFormat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Records for unit tests, as polled and as decoded by the worker's own decoder. */
public final class TestRecords {
    public static final String TOPIC = "gpu-metadata";
    public static final RecordDecoder DECODER = new RecordDecoder(new DocumentTransforms("test", EmbeddingFormat.BINARY));

    private TestRecords() {
    }

    /** An event record whose id and vector follow from its offset (so the same offset is the same record). */
    public static PolledRecord polledEvent(int partition, long offset, long timestamp, int dim) {
        Random random = new Random(partition * 1_000_003L + offset);
        UUID id = new UUID(partition, offset);
        byte[] raw = SampleEvents.withBase64(id, dim, random).put("produced_at", Instant.ofEpochMilli(timestamp).toString())
                .toString().getBytes(StandardCharsets.UTF_8);
        return new PolledRecord(new RecordOrigin(TOPIC, partition, offset, id.toString()), timestamp, raw, () -> { });
    }

    public static PolledRecord polledNotJson(int partition, long offset, long timestamp) {
        return new PolledRecord(new RecordOrigin(TOPIC, partition, offset, null), timestamp,
                "{not json".getBytes(StandardCharsets.UTF_8), () -> { });
    }

    public static ConsumedRecord event(int partition, long offset, long timestamp, int dim) {
        return DECODER.decode(polledEvent(partition, offset, timestamp, dim));
    }

    public static ConsumedRecord notJson(int partition, long offset, long timestamp) {
        return DECODER.decode(polledNotJson(partition, offset, timestamp));
    }
}
