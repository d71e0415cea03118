package dev.ca4.search.feed;

import dev.ca4.search.config.SearchConfig;
import dev.ca4.search.engine.IndexHolder;
import dev.ca4.search.engine.SearchIndex;
import dev.ca4.search.metrics.SearchMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds the index from gpu-metadata (docs/similarity-search.md, "The service"): every partition assigned to this
 * replica (no group rebalancing: each replica indexes everything), each read from the snapshot's offset. Records
 * are indexed one by one and the snapshot is checkpointed every {@code ca4.search.checkpoint-ms}, after which the
 * offsets are also committed to the group for Kafka's lag tools. A broker outage or a topic that does not exist
 * yet is waited out; the consumer is made again after any error, from the last checkpoint (what it indexed after
 * it is recognised by event_id and not indexed twice).
 */
public final class TopicFeed implements Runnable {
    private static final Logger LOG = Logger.getLogger(TopicFeed.class.getName());
    private static final long RETRY_MS = 2000;

    private final SearchConfig config;
    private final IndexHolder holder;
    private final SearchMetrics metrics;
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Map<TopicPartition, Long> endAtStart;

    public TopicFeed(SearchConfig config, IndexHolder holder, SearchMetrics metrics) {
        this.config = config;
        this.holder = holder;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                TopicDescription topic = describeTopic();
                SearchIndex index = holder.index().orElse(null);
                if (index == null) {
                    index = SearchIndex.open(config.dataDir(), config.dimension(), config.indexSettings(),
                            config.maxConcurrentQueries(), config.topic(), topic.topicId().toString());
                    holder.opened(index);
                }
                consume(index, topic);
            } catch (WakeupException e) {
                break; // stop() woke the consumer
            } catch (UnknownTopicOrPartitionException e) {
                holder.problem("topic " + config.topic() + " does not exist yet");
                pause();
            } catch (Exception e) {
                if (stopping) {
                    break;
                }
                String why = e instanceof ExecutionException && e.getCause() != null ? e.getCause().toString() : e.toString();
                holder.problem("feed: " + why);
                LOG.log(Level.WARNING, "the search feed stopped (" + why + "); it starts again in " + RETRY_MS + " ms", e);
                pause();
            }
        }
        LOG.info("search feed stopped");
    }

    private TopicDescription describeTopic() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(p)) {
            return admin.describeTopics(List.of(config.topic())).allTopicNames().get(10, TimeUnit.SECONDS).get(config.topic());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException u) {
                throw u;
            }
            throw e;
        }
    }

    private void consume(SearchIndex index, TopicDescription topic) throws Exception {
        List<TopicPartition> partitions = topic.partitions().stream()
                .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            if (stopping) {
                return;
            }
            c.assign(partitions);
            Map<Integer, Long> next = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long offset = index.lastCheckpoint().offset(tp.partition());
                c.seek(tp, offset);
                next.put(tp.partition(), offset);
            }
            if (endAtStart == null) {
                endAtStart = c.endOffsets(partitions, Duration.ofSeconds(10));
                LOG.info("search feed: " + index.size() + " vectors from the snapshot, reading " + topic.name()
                        + " from " + next + " up to " + endAtStart + " before it is ready");
            }
            long lastCheckpoint = System.currentTimeMillis();
            boolean dirty = false;
            while (!stopping) {
                Iterable<ConsumerRecord<String, byte[]>> records;
                try {
                    records = c.poll(Duration.ofMillis(config.pollMs()));
                } catch (WakeupException e) {
                    break; // stop(): what was indexed is checkpointed below
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    index(index, r);
                    next.put(r.partition(), r.offset() + 1);
                    dirty = true;
                }
                holder.polled(lag(c, partitions), reached(next));
                if (dirty && System.currentTimeMillis() - lastCheckpoint >= config.checkpointMs()) {
                    index.checkpoint(next);
                    commit(c, topic.name(), next);
                    lastCheckpoint = System.currentTimeMillis();
                    dirty = false;
                }
            }
            if (dirty) {
                index.checkpoint(next); // a clean stop reads nothing twice on the next start
            }
        } finally {
            consumer = null;
        }
    }

    private void index(SearchIndex index, ConsumerRecord<String, byte[]> r) throws java.io.IOException {
        EventRecord e = EventRecord.decode(r.value(), config.dimension());
        if (e.isSkipped()) {
            metrics.skipped(e.skipped());
            return;
        }
        if (index.add(e.entry(), e.vector()) == SearchIndex.Added.DUPLICATE) {
            metrics.duplicate();
        } else {
            metrics.indexed(e.receivedAt() == null ? null : Duration.between(e.receivedAt(), Instant.now()));
        }
    }

    private boolean reached(Map<Integer, Long> next) {
        return endAtStart.entrySet().stream().allMatch(e -> next.getOrDefault(e.getKey().partition(), 0L) >= e.getValue());
    }

    /** Records behind the end, from the fetch responses (no extra request); -1 until every partition has one. */
    private static long lag(KafkaConsumer<?, ?> c, List<TopicPartition> partitions) {
        long sum = 0;
        for (TopicPartition tp : partitions) {
            OptionalLong l = c.currentLag(tp);
            if (l.isEmpty()) {
                return -1;
            }
            sum += l.getAsLong();
        }
        return sum;
    }

    /** For Kafka's lag tools only: the position a replica resumes from is its snapshot's. */
    private static void commit(KafkaConsumer<?, ?> c, String topic, Map<Integer, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((p, o) -> offsets.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
        c.commitAsync(offsets, (o, e) -> {
            if (e != null) {
                LOG.fine("offset commit for the lag tools failed: " + e);
            }
        });
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "ca4-search");
        return p;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Stops the loop: wakes a consumer blocked in poll. */
    public void stop() {
        stopping = true;
        KafkaConsumer<?, ?> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
