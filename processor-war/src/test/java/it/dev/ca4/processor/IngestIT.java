package it.dev.ca4.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.SampleEvents;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestIT {

    @Test
    void acceptedEventIsOnTheTopicAtTheReturnedOffsetKeyedByEventId() throws Exception {
        UUID id = UUID.randomUUID();
        Response r = Pipeline.api().body(SampleEvents.withValues(id, 2048, new Random(1)).toString())
                .post("/metadata");
        assertEquals(202, r.statusCode(), r.asString());
        assertEquals(id.toString(), r.jsonPath().getString("event_id"));
        int partition = r.jsonPath().getInt("partition");
        long offset = r.jsonPath().getLong("offset");
        assertTrue(partition >= 0 && offset >= 0, r.asString());

        ConsumerRecord<String, byte[]> rec = readAt(partition, offset);
        assertEquals(id.toString(), rec.key());
        JsonNode onTopic = EventJson.parse(rec.value());
        assertTrue(onTopic.path("embedding").has("values_b64"), "topic carries float32 base64");
        assertFalse(onTopic.path("embedding").has("values"));
        assertTrue(onTopic.has("received_at"));
        // close to the raw 8 KiB of 2048 float32 values, not the ~40 KiB of a JSON number array
        assertTrue(rec.value().length < 12_000, "record is " + rec.value().length + " bytes");
    }

    @Test
    void eventWithoutIdGetsOneGeneratedAndReturned() {
        ObjectNode event = SampleEvents.withBase64(null, 16, new Random(2));
        Response r = Pipeline.api().body(event.toString()).post("/metadata");
        assertEquals(202, r.statusCode(), r.asString());
        assertNotNull(UUID.fromString(r.jsonPath().getString("event_id")));
    }

    @Test
    void batchWithMixedItemsAnswersPerItem() {
        var batch = EventJson.MAPPER.createArrayNode();
        batch.add(SampleEvents.withValues(UUID.randomUUID(), 8, new Random()));
        ObjectNode bad = SampleEvents.withValues(UUID.randomUUID(), 8, new Random());
        bad.with("gpu").put("backend", "abacus");
        batch.add(bad);
        batch.add(SampleEvents.withBase64(UUID.randomUUID(), 8, new Random()));
        Response r = Pipeline.api().body(batch.toString()).post("/metadata/batch");
        assertEquals(207, r.statusCode(), r.asString());
        assertEquals(2, r.jsonPath().getInt("accepted"));
        assertEquals(1, r.jsonPath().getInt("rejected"));
        List<Map<String, Object>> results = r.jsonPath().getList("results");
        assertEquals(List.of(202, 400, 202), results.stream().map(m -> m.get("status")).toList());
        assertEquals("gpu.backend", r.jsonPath().getString("results[1].errors[0].field"));
        assertEquals("urn:ca4:problem:invalid-event", r.jsonPath().getString("results[1].type"));
        assertEquals(r.jsonPath().getString("results[1].errors[0].message"), r.jsonPath().getString("results[1].detail"));
        assertNull(r.jsonPath().get("results[0].type"), r.asString());
        assertTrue(r.jsonPath().getInt("results[2].offset") >= 0);
    }

    @Test
    void batchOfValidEventsIsAccepted() {
        var batch = EventJson.MAPPER.createArrayNode();
        for (int i = 0; i < 20; i++) {
            batch.add(SampleEvents.withBase64(UUID.randomUUID(), 2048, new Random(i)));
        }
        Response r = Pipeline.api().body(batch.toString()).post("/metadata/batch");
        assertEquals(202, r.statusCode(), r.asString());
        assertEquals(20, r.jsonPath().getInt("accepted"));
    }

    @Test
    void healthAndMetricsAndOpenApiAreServed() {
        assertEquals(200, Pipeline.api().get("/health/ready").statusCode());
        assertEquals(200, Pipeline.api().get("/health/live").statusCode());
        assertEquals(200, Pipeline.api().get("/health/started").statusCode());
        String metrics = Pipeline.api().get("/metrics?scope=application").asString();
        assertTrue(metrics.contains("ca4_processor_events_accepted_total"), metrics);
        assertTrue(metrics.contains("ca4_processor_events_rejected_total"), metrics);
        assertTrue(Pipeline.api().get("/openapi").asString().contains("/metadata/batch"));
    }

    private static ConsumerRecord<String, byte[]> readAt(int partition, long offset) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.BOOTSTRAP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            TopicPartition tp = new TopicPartition(Pipeline.TOPIC, partition);
            c.assign(List.of(tp));
            c.seek(tp, offset);
            AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
            await("the record at " + partition + "@" + offset).atMost(Duration.ofSeconds(15)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(10)).until(() -> {
                        for (ConsumerRecord<String, byte[]> rec : c.poll(Duration.ofMillis(500))) {
                            if (rec.offset() == offset) {
                                found.set(rec);
                            }
                        }
                        return found.get() != null;
                    });
            return found.get();
        }
    }
}
