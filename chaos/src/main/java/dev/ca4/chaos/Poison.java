package dev.ca4.chaos;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Poison records planted straight on {@code gpu-metadata} (what a broken producer could write: not JSON, an
 * event without event_id, a schema violation), and the dead-letter topic read back: it must hold exactly those,
 * told apart by their origin topic/partition/offset headers.
 */
public final class Poison {
    private final String bootstrap;
    private final String topic;
    private final String dlq;

    public Poison(String bootstrap, String topic, String dlq) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.dlq = dlq;
    }

    /** One planted record: its key and where it landed on the topic. */
    public record Planted(String key, int partition, long offset) {
        String origin() {
            return partition + "@" + offset;
        }
    }

    /** What the DLQ holds since a start position. */
    public record DeadLetters(int records, Map<String, Integer> copiesByOrigin, List<String> keys) {
    }

    /** Writes three poison records (acks=all) and returns where they are. */
    public List<Planted> plant(String label) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Map<String, String> values = new TreeMap<>();
        values.put("chaos-poison-" + label + "-not-json", "{\"event_id\": \"" + UUID.randomUUID() + "\", oops");
        values.put("chaos-poison-" + label + "-no-event-id", "{\"schema_version\": 1, \"produced_at\": \"2026-01-01T00:00:00Z\"}");
        values.put("chaos-poison-" + label + "-invalid", "{\"schema_version\": 1, \"event_id\": \"" + UUID.randomUUID()
                + "\", \"produced_at\": \"not a time\"}");
        List<Planted> out = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                RecordMetadata m = producer.send(new ProducerRecord<>(topic, e.getKey(),
                        e.getValue().getBytes(StandardCharsets.UTF_8))).get();
                out.add(new Planted(e.getKey(), m.partition(), m.offset()));
            }
        }
        return out;
    }

    /** The DLQ's end offsets now: read from here after the scenario. */
    public Map<TopicPartition, Long> dlqEnd() {
        try (KafkaConsumer<String, byte[]> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor(dlq).stream()
                    .map(i -> new TopicPartition(dlq, i.partition())).toList();
            return new HashMap<>(c.endOffsets(parts));
        }
    }

    /** Every DLQ record from {@code from} to the end. */
    public DeadLetters readSince(Map<TopicPartition, Long> from) {
        Map<String, Integer> copies = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        int records = 0;
        try (KafkaConsumer<String, byte[]> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor(dlq).stream()
                    .map(i -> new TopicPartition(dlq, i.partition())).toList();
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            c.assign(parts);
            for (TopicPartition tp : parts) {
                c.seek(tp, from.getOrDefault(tp, 0L));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    records++;
                    keys.add(r.key());
                    String origin = header(r, "ca4.dlq.origin.partition") + "@" + header(r, "ca4.dlq.origin.offset");
                    copies.merge(origin, 1, Integer::sum);
                }
            }
        }
        return new DeadLetters(records, copies, keys);
    }

    /** Empty when the DLQ holds exactly the planted records (each at least once); else what is wrong. */
    public static List<String> problems(List<Planted> planted, DeadLetters dlq) {
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = planted.stream().collect(Collectors.toMap(Planted::origin, Planted::key));
        for (Planted p : planted) {
            if (!dlq.copiesByOrigin().containsKey(p.origin())) {
                problems.add("planted " + p.key() + " (" + p.origin() + ") is not on the DLQ");
            }
        }
        for (String origin : dlq.copiesByOrigin().keySet()) {
            if (!expected.containsKey(origin)) {
                problems.add("DLQ holds a record that was not planted: origin " + origin);
            }
        }
        for (String key : dlq.keys()) {
            if (planted.stream().noneMatch(p -> p.key().equals(key))) {
                problems.add("DLQ holds key " + key + " that was not planted");
            }
        }
        return problems;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
