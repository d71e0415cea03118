package it.dev.ca4.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EmbeddingCodec;
import dev.ca4.event.SampleEvents;
import dev.ca4.worker.archive.SegmentFormat;
import dev.ca4.worker.transform.EmbeddingFormat;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndToEndIT {

    @Test
    void postedEventIsStoredWithEveryDerivedFieldAndArchived() throws Exception {
        UUID id = UUID.randomUUID();
        float[] vector = SampleEvents.randomVector(2048, new Random(11));
        ObjectNode event = SampleEvents.withBase64(id, 2048, new Random());
        event.with("embedding").put("values_b64", EmbeddingCodec.encodeBase64(vector));
        event.with("gpu").put("backend", "cuda").put("name", "Tesla T4").put("count", 1)
                .put("memory_total_mb", 15360).put("cuda_version", "12.2");
        Response accepted = Pipeline.post(event.toString());
        assertEquals(202, accepted.statusCode(), accepted.asString());

        Pipeline.await("document " + id, Duration.ofSeconds(30),
                () -> Pipeline.worker().get("/documents/" + id).statusCode() == 200);
        JsonPath doc = Pipeline.worker().get("/documents/" + id).jsonPath();
        assertEquals(id.toString(), doc.getString("_id"));
        assertEquals(2048, doc.getInt("embedding.dim"));
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        // exact double from the store (JsonPath would round to float)
        org.bson.Document stored0 = Pipeline.documents().find(new org.bson.Document("_id", id.toString())).first();
        assertEquals(Math.sqrt(norm), stored0.get("embedding", org.bson.Document.class).getDouble("norm"), 1e-9);
        List<Float> stored = doc.getList("embedding.values", Float.class);
        assertEquals(2048, stored.size());
        assertEquals(vector[7], stored.get(7), 0f);
        assertEquals("nvidia", doc.getString("gpu.vendor"));
        assertEquals(15360, doc.getInt("gpu.memory_total_mib"));
        assertTrue(doc.getString("received_at").endsWith("Z"));
        assertTrue(doc.getString("stored_at").compareTo(doc.getString("received_at")) >= 0);
        assertTrue(doc.getLong("latency_ms.end_to_end") >= 0);
        assertEquals("gpu-metadata", doc.getString("lineage.topic"));
        assertEquals(accepted.jsonPath().getInt("partition"), doc.getInt("lineage.partition"));
        assertEquals(accepted.jsonPath().getLong("offset"), doc.getLong("lineage.offset"));

        // stored compactly as float32 binary (subtype 9, or 0 where the store is mongo-java-server), ~9 KB in all
        Object values = stored0.get("embedding", org.bson.Document.class).get("values");
        int subtype = EmbeddingFormat.parse(System.getenv().getOrDefault("CA4_STORE_EMBEDDING_FORMAT", "vector"))
                == EmbeddingFormat.VECTOR ? 9 : 0;
        assertTrue(values instanceof Binary b && b.getType() == subtype, "float32 binary: " + values);
        assertTrue(new RawBsonDocument(stored0, new DocumentCodec()).getByteBuffer().remaining() <= 10_000);

        // archived in its partition's segment, at the row the document names
        String key = doc.getString("archive.segment");
        int row = doc.getInt("archive.row");
        assertTrue(key.matches("segments/\\d{4}/\\d{2}/\\d{2}/gpu-metadata\\+" + doc.getInt("lineage.partition")
                + "\\+\\d{10}\\.zip"), key);
        SegmentFormat.ArchivedSegment segment = Pipeline.segment(key);
        assertEquals(id.toString(), segment.events().get(row).get("event_id").asText());
        assertEquals(accepted.jsonPath().getLong("offset"), segment.manifest().offsets().get(row));
        assertArrayEquals(vector, segment.vector(row));
    }

    @Test
    void sameEventIdTwiceMakesOneDocument() throws Exception {
        UUID id = UUID.randomUUID();
        String body = SampleEvents.withValues(id, 64, new Random()).toString();
        double dupsBefore = duplicates();
        assertEquals(202, Pipeline.post(body).statusCode());
        assertEquals(202, Pipeline.post(body).statusCode());
        Pipeline.await("second copy counted as duplicate", Duration.ofSeconds(30), () -> duplicates() > dupsBefore);
        assertEquals(1, Pipeline.copies(id.toString()));
    }

    @Test
    void readApiListsAndCountsAndAnswers404AsProblem() throws Exception {
        long before = Pipeline.worker().get("/stats").jsonPath().getLong("count");
        UUID id = UUID.randomUUID();
        assertEquals(202, Pipeline.post(SampleEvents.withBase64(id, 64, new Random()).toString()).statusCode());
        Pipeline.await("document " + id, Duration.ofSeconds(30), () -> Pipeline.copies(id.toString()) == 1);
        assertEquals(200, Pipeline.worker().get("/documents?limit=3").statusCode());
        assertEquals(400, Pipeline.worker().get("/documents?limit=0").statusCode());
        Response missing = Pipeline.worker().get("/documents/" + UUID.randomUUID());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.contentType().startsWith("application/problem+json"));
        JsonPath stats = Pipeline.worker().get("/stats").jsonPath();
        assertTrue(stats.getLong("count") > before, "count grows with a stored document");
        assertEquals(id.toString(), stats.getString("last_event_id"));
        assertTrue(stats.getString("last_stored_at").endsWith("Z"));
        assertEquals(dlqRecords(), stats.getLong("dlq_count"), "dlq_count = the records on gpu-metadata-dlq");
    }

    static double duplicates() {
        String metrics = Pipeline.worker().get("/metrics?scope=application").asString();
        return metrics.lines().filter(l -> l.startsWith("ca4_worker_events_duplicates_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Records on the dead-letter topic, counted from its offsets by a consumer of the test's own. */
    private static long dlqRecords() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.BOOTSTRAP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = c.partitionsFor("gpu-metadata-dlq", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions, Duration.ofSeconds(10));
            return partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
        }
    }
}
