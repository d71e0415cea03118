package dev.ca4.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.ca4.localstack.TestStacks.CliRun;
import dev.ca4.localstack.cli.ExitCodes;
import dev.ca4.localstack.service.KafkaTopics;
import dev.ca4.localstack.service.S3Main;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One stack on free ports in a temporary home, started once; each test puts back what it stops. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackTest {

    @TempDir
    static Path home;

    private StackConfig config;
    private LocalStack stack;

    @BeforeAll
    void startAllWithTheCli() {
        config = TestStacks.onFreePorts(home);
        stack = new LocalStack(config);
        CliRun run = TestStacks.cli(config, "start", "all");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        for (Service service : Service.values()) {
            assertTrue(run.out().contains(service + " ready on " + config.address(service)), run::toString);
        }
    }

    @AfterAll
    void stopAll() {
        if (stack != null) {
            stack.stop(Service.ALL);
        }
    }

    @BeforeEach
    void everythingIsRunning() {
        stack.start(Service.ALL);
    }

    @Test
    void statusReportsEveryServiceUpAfterStart() {
        CliRun run = TestStacks.cli(config, "status", "all");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertEquals(3, run.out().lines().filter(line -> line.endsWith(" up")).count(), run::toString);
        assertTrue(stack.isUp(Service.ALL));
    }

    @Test
    void startingAgainLeavesRunningServicesAlone() {
        Map<Service, Long> pidsBefore = pids();
        CliRun run = TestStacks.cli(config, "start", "all");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertEquals(3, run.out().lines().filter(line -> line.contains(" already running on ")).count(), run::toString);
        assertEquals(pidsBefore, pids());
    }

    @Test
    void pipelineTopicsExistWithTheirPartitionCounts() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("gpu-metadata", "gpu-metadata-dlq"))
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertEquals(6, topics.get("gpu-metadata").partitions().size());
            assertEquals(1, topics.get("gpu-metadata-dlq").partitions().size());
            assertEquals(KafkaTopics.PARTITIONS.keySet(), topics.keySet());
        }
    }

    @Test
    void mongoDocumentSurvivesStopAndStart() {
        Document written = new Document("_id", "persist-" + System.nanoTime()).append("dim", 2048);
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            collection(client).insertOne(written);
        }
        assertEquals(StopResult.Outcome.STOPPED, stack.stop("mongo").get(0).outcome());
        assertFalse(stack.isUp("mongo"));
        stack.start("mongo");
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            assertEquals(written, collection(client).find(new Document("_id", written.get("_id"))).first());
        }
    }

    @Test
    void s3ObjectPutToTheArchiveBucketCanBeReadBack() {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(stack.s3Endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.s3Identity(), config.s3Credential())))
                .build()) {
            String key = "raw/2026/11/22/" + System.nanoTime() + ".json";
            s3.putObject(b -> b.bucket(S3Main.BUCKET).key(key).contentType("application/json"),
                    RequestBody.fromString("{\"event_id\":\"e1\"}"));
            String read = s3.getObjectAsBytes(b -> b.bucket(S3Main.BUCKET).key(key)).asString(StandardCharsets.UTF_8);
            assertEquals("{\"event_id\":\"e1\"}", read);
        }
    }

    @Test
    void stoppingTwiceIsHarmless() {
        CliRun first = TestStacks.cli(config, "stop", "s3");
        CliRun second = TestStacks.cli(config, "stop", "s3");
        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        assertTrue(first.out().startsWith("s3 stopped (pid "), first::toString);
        assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
        assertEquals("s3 not running", second.out().strip());
        assertFalse(config.pidFile(Service.S3).toFile().exists());
        CliRun status = TestStacks.cli(config, "status", "s3");
        assertEquals(ExitCodes.NOT_UP, status.exitCode(), status::toString);
    }

    @Test
    void kafkaComesBackAfterKillMinus9WithItsRecords() throws Exception {
        long t0 = System.nanoTime();
        KafkaRecords.send(stack.kafkaBootstrap(), "gpu-metadata", "before-kill", "{}");
        System.err.println("T sent " + (System.nanoTime() - t0) / 1e9);
        StopResult killed = stack.kill("kafka").get(0);
        assertEquals(StopResult.Outcome.KILLED, killed.outcome());
        assertFalse(stack.isUp("kafka"));
        assertEquals(ExitCodes.NOT_UP, TestStacks.cli(config, "status", "kafka").exitCode());

        System.err.println("T killed " + (System.nanoTime() - t0) / 1e9);
        StartResult restarted = stack.start("kafka").get(0);
        System.err.println("T restarted " + (System.nanoTime() - t0) / 1e9 + " " + restarted.line());
        assertFalse(restarted.alreadyRunning());
        assertTrue(restarted.pid() != killed.pid().orElseThrow());
        assertNotNull(KafkaRecords.find(stack.kafkaBootstrap(), "gpu-metadata", "before-kill"));
        System.err.println("T found " + (System.nanoTime() - t0) / 1e9);
    }

    private Map<Service, Long> pids() {
        return Map.of(Service.KAFKA, pid(Service.KAFKA), Service.MONGO, pid(Service.MONGO), Service.S3, pid(Service.S3));
    }

    private long pid(Service service) {
        return stack.status(service.id()).get(0).pid().orElseThrow();
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("ca4").getCollection("gpu_metadata");
    }
}
