package dev.ca4.localstack.service;

import dev.ca4.localstack.Service;
import dev.ca4.localstack.StackConfig;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The Kafka JVM: formats the KRaft storage once, runs the broker, creates the pipeline's topics. */
public final class KafkaMain {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaMain.class);
    private static final long TOPIC_DEADLINE_MS = 30_000;

    private KafkaMain() {
    }

    public static void main(String[] args) {
        StackConfig config = StackConfig.fromEnvironment();
        try {
            Path dir = Files.createDirectories(config.dataDir(Service.KAFKA));
            Properties props = KafkaBrokerConfig.properties(config, dir.resolve("kraft-logs"));
            format(dir, props);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
            server.startup();
            createTopics(config);
            LOG.info("kafka ready on {} (controller {})", config.kafkaBootstrap(), config.kafkaControllerPort());
            server.awaitShutdown();
        } catch (Exception e) {
            LOG.error("kafka failed to start", e);
            Runtime.getRuntime().halt(1);
        }
    }

    /** {@code kafka-storage format --standalone --ignore-formatted}: a no-op once the log dir is formatted. */
    private static void format(Path dir, Properties props) throws IOException {
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "written by " + KafkaMain.class.getName() + " on every start");
        }
        String[] args = {"format", "-t", clusterId(dir), "-c", file.toString(), "--standalone", "--ignore-formatted"};
        int rc = StorageTool.execute(args, System.out);
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed with exit code " + rc);
        }
    }

    /** A cluster id made once per data dir and kept beside the logs. */
    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }

    private static void createTopics(StackConfig config) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TOPIC_DEADLINE_MS;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                AdminClientConfig.CLIENT_ID_CONFIG, "ca4-local-stack-topics"))) {
            while (true) {
                try {
                    KafkaTopics.ensure(admin);
                    return;
                } catch (Exception e) {
                    if (e instanceof InterruptedException || System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("cannot create topics " + KafkaTopics.PARTITIONS, e);
                    }
                    LOG.warn("topics not created yet, retrying: {}", e.toString());
                    Thread.sleep(500);
                }
            }
        }
    }
}
