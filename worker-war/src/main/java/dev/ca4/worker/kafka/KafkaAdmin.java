package dev.ca4.worker.kafka;

import dev.ca4.worker.config.WorkerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Kafka admin client for the readiness check and the DLQ count of /stats. */
@ApplicationScoped
public class KafkaAdmin {

    @Inject
    WorkerConfig config;

    private volatile Admin admin;

    public int brokers() throws Exception {
        long t = config.kafkaHealthTimeoutMs();
        return admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) t)).nodes()
                .get(t, TimeUnit.MILLISECONDS).size();
    }

    /** Records currently held by a topic: end offsets minus start offsets over every partition. */
    public long recordCount(String topic) throws Exception {
        long t = config.kafkaHealthTimeoutMs();
        int partitions = admin().describeTopics(java.util.List.of(topic)).allTopicNames()
                .get(t, TimeUnit.MILLISECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        ListOffsetsOptions o = new ListOffsetsOptions();
        long total = 0;
        for (var e : admin().listOffsets(latest, o).all().get(t, TimeUnit.MILLISECONDS).entrySet()) {
            total += e.getValue().offset();
        }
        for (var e : admin().listOffsets(earliest, o).all().get(t, TimeUnit.MILLISECONDS).entrySet()) {
            total -= e.getValue().offset();
        }
        return total;
    }

    /** Records of {@code topic} the consumer group has not committed yet (every partition). */
    public long groupLag(String group, String topic) throws Exception {
        long t = config.kafkaHealthTimeoutMs();
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin()
                .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(t, TimeUnit.MILLISECONDS);
        int partitions = admin().describeTopics(java.util.List.of(topic)).allTopicNames()
                .get(t, TimeUnit.MILLISECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long lag = 0;
        for (var e : admin().listOffsets(latest).all().get(t, TimeUnit.MILLISECONDS).entrySet()) {
            var c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000,
                            AdminClientConfig.CLIENT_ID_CONFIG, "ca4-worker-admin"));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
