package dev.ca4.localstack.service;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The pipeline's topics (docs/design.md), created idempotently with replication factor 1. */
public final class KafkaTopics {

    public static final String EVENTS = "gpu-metadata";
    public static final String DEAD_LETTERS = "gpu-metadata-dlq";
    /** Topic name → partition count. */
    public static final Map<String, Integer> PARTITIONS = Map.of(EVENTS, 6, DEAD_LETTERS, 1);

    private static final long TIMEOUT_S = 10;

    private KafkaTopics() {
    }

    /** Creates missing topics and grows any that has fewer partitions than {@link #PARTITIONS} says. */
    public static void ensure(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
        for (Map.Entry<String, Integer> topic : PARTITIONS.entrySet()) {
            if (!existing.contains(topic.getKey())) {
                create(admin, topic.getKey(), topic.getValue());
            } else {
                grow(admin, topic.getKey(), topic.getValue());
            }
        }
    }

    private static void create(Admin admin, String name, int partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(Set.of(new NewTopic(name, partitions, (short) 1)))
                    .all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void grow(Admin admin, String name, int partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description = admin.describeTopics(Set.of(name)).allTopicNames()
                .get(TIMEOUT_S, TimeUnit.SECONDS).get(name);
        if (description.partitions().size() < partitions) {
            admin.createPartitions(Map.of(name, NewPartitions.increaseTo(partitions)))
                    .all().get(TIMEOUT_S, TimeUnit.SECONDS);
        }
    }
}
