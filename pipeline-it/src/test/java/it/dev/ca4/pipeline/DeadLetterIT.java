package it.dev.ca4.pipeline;

import dev.ca4.event.SampleEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.kafka.KafkaProducerClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poison records written straight to the topic land in the DLQ with reason and origin; later events are stored.
 * MicroShed Testing in manual mode (the build sets microshed_manual_env and the bootstrap servers) injects the
 * producer that writes them; the servers are the ones the build started, not containers.
 */
@MicroShedTest
public class DeadLetterIT {

    @KafkaProducerClient(keySerializer = StringSerializer.class, valueSerializer = ByteArraySerializer.class)
    public static KafkaProducer<String, byte[]> poison;

    @Test
    void poisonRecordsGoToDlqAndLaterEventsAreStillStored() throws Exception {
        String notJsonKey = "poison-" + UUID.randomUUID();
        String wrongVersionKey = UUID.randomUUID().toString();
        var wrongVersion = SampleEvents.withValues(UUID.fromString(wrongVersionKey), 8, new Random());
        wrongVersion.put("schema_version", "2");
        RecordMetadata notJson;
        RecordMetadata badVersion;
        notJson = poison.send(new ProducerRecord<>("gpu-metadata", notJsonKey,
                "this is not json".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        badVersion = poison.send(new ProducerRecord<>("gpu-metadata", wrongVersionKey,
                wrongVersion.toString().getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        UUID good = UUID.randomUUID();
        assertEquals(202, Pipeline.post(SampleEvents.withValues(good, 32, new Random()).toString()).statusCode());
        Pipeline.await("good event after poison stored", Duration.ofSeconds(30),
                () -> Pipeline.copies(good.toString()) == 1);

        Map<String, ConsumerRecord<String, byte[]>> dlq = readDlq(List.of(notJsonKey, wrongVersionKey));
        ConsumerRecord<String, byte[]> a = dlq.get(notJsonKey);
        assertEquals("not-json", header(a, "ca4.dlq.rule"));
        assertEquals(String.valueOf(notJson.partition()), header(a, "ca4.dlq.origin.partition"));
        assertEquals(String.valueOf(notJson.offset()), header(a, "ca4.dlq.origin.offset"));
        assertEquals("gpu-metadata", header(a, "ca4.dlq.origin.topic"));
        assertEquals("this is not json", new String(a.value(), StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> b = dlq.get(wrongVersionKey);
        assertEquals("invalid-event", header(b, "ca4.dlq.rule"));
        assertTrue(header(b, "ca4.dlq.reason").contains("schema_version"), header(b, "ca4.dlq.reason"));
        assertEquals(String.valueOf(badVersion.offset()), header(b, "ca4.dlq.origin.offset"));
        assertEquals(0, Pipeline.copies(wrongVersionKey));
    }

    private static Map<String, ConsumerRecord<String, byte[]>> readDlq(List<String> keys) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.BOOTSTRAP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            TopicPartition tp = new TopicPartition("gpu-metadata-dlq", 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            await("dead letters of " + keys).atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(10)).until(() -> {
                        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                            if (keys.contains(r.key())) {
                                found.put(r.key(), r);
                            }
                        }
                        return found.size() == keys.size();
                    });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
