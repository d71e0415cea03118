package dev.ca4.k8scheck;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Local stand-in for danielqsj/kafka-exporter (which runs in the cluster): serves the same metric names and labels
 * for the local broker, so the dashboards' and alerts' lag and DLQ queries work with make monitoring-up and in the
 * panel test. Usage: LagExporter BOOTSTRAP PORT GROUP...
 */
public final class LagExporter {

    private final Admin admin;
    private final List<String> groups;

    LagExporter(String bootstrap, List<String> groups) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000));
        this.groups = groups;
    }

    public static void main(String[] args) throws IOException {
        LagExporter exporter = new LagExporter(args[0], List.of(args).subList(2, args.length));
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
        http.createContext("/metrics", ex -> {
            byte[] body;
            int status = 200;
            try {
                body = exporter.scrape().getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
                body = ("kafka unreachable: " + e).getBytes(StandardCharsets.UTF_8);
                status = 503;
            }
            ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        System.out.println("lag exporter on http://127.0.0.1:" + args[1] + "/metrics for " + args[0]);
    }

    String scrape() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE kafka_brokers gauge\nkafka_brokers ")
                .append(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size()).append('\n');
        Set<String> topics = admin.listTopics().names().get(5, TimeUnit.SECONDS).stream()
                .filter(t -> !t.startsWith("__")).collect(Collectors.toSet());
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
        }));
        Map<TopicPartition, Long> end = offsets(latest);
        Map<TopicPartition, Long> start = offsets(earliest);
        out.append("# TYPE kafka_topic_partitions gauge\n");
        new TreeMap<>(described).forEach((t, d) -> out.append("kafka_topic_partitions{topic=\"").append(t).append("\"} ")
                .append(d.partitions().size()).append('\n'));
        gauge(out, "kafka_topic_partition_current_offset", "", end);
        gauge(out, "kafka_topic_partition_oldest_offset", "", start);
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, Long> current = new HashMap<>();
            Map<TopicPartition, Long> lag = new HashMap<>();
            committed.forEach((tp, om) -> {
                if (om != null && end.containsKey(tp)) {
                    current.put(tp, om.offset());
                    lag.put(tp, Math.max(0, end.get(tp) - om.offset()));
                }
            });
            String label = "consumergroup=\"" + group + "\",";
            gauge(out, "kafka_consumergroup_current_offset", label, current);
            gauge(out, "kafka_consumergroup_lag", label, lag);
            out.append("# TYPE kafka_consumergroup_lag_sum gauge\n");
            lag.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(), TreeMap::new,
                            Collectors.summingLong(Map.Entry::getValue)))
                    .forEach((t, sum) -> out.append("kafka_consumergroup_lag_sum{").append(label).append("topic=\"").append(t)
                            .append("\"} ").append(sum).append('\n'));
        }
        return out.toString();
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> spec) throws Exception {
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(spec).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static void gauge(StringBuilder out, String name, String labels, Map<TopicPartition, Long> values) {
        out.append("# TYPE ").append(name).append(" gauge\n");
        values.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                .forEach(e -> out.append(name).append('{').append(labels).append("partition=\"").append(e.getKey().partition())
                        .append("\",topic=\"").append(e.getKey().topic()).append("\"} ").append(e.getValue()).append('\n'));
    }
}
