package dev.ca4.bench.pipeline;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** What the bench asks of the broker: end offsets, the worker group's lag and offsets, bytes on the log. */
public final class PipelineKafka implements AutoCloseable {
    private static final long TIMEOUT_S = 30;

    private final Admin admin;
    private final String topic;
    private final String group;

    public PipelineKafka(String bootstrap, String topic, String group) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(p);
        this.topic = topic;
        this.group = group;
    }

    public Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException {
        List<TopicPartition> parts = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = parts.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Records on the topic that the worker group has not committed yet. */
    public long lag() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : endOffsets().entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /**
     * Moves the (stopped) worker group to the end of the topic, so what was published while it was stopped is
     * skipped. Waits until the group has no member: the broker refuses to move an active group's offsets.
     */
    public void skipGroupToEnd() throws Exception {
        awaitGroupEmpty();
        Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
        endOffsets().forEach((tp, end) -> target.put(tp, new OffsetAndMetadata(end)));
        admin.alterConsumerGroupOffsets(group, target).all().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private void awaitGroupEmpty() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (d.members().isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return;
                }
                throw e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer group " + group + " still has members after 60 s");
            }
            Thread.sleep(250);
        }
    }

    /** Bytes of the topic's partitions on the broker's disk (record batches as stored, after compression). */
    public long logBytes() throws ExecutionException, InterruptedException {
        int broker = admin.describeCluster().nodes().get().iterator().next().id();
        long bytes = 0;
        for (LogDirDescription dir : admin.describeLogDirs(List.of(broker)).allDescriptions().get().get(broker)
                .values()) {
            for (Map.Entry<TopicPartition, ReplicaInfo> r : dir.replicaInfos().entrySet()) {
                if (r.getKey().topic().equals(topic)) {
                    bytes += r.getValue().size();
                }
            }
        }
        return bytes;
    }

    @Override
    public void close() {
        admin.close();
    }
}
