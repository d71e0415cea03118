package it.dev.ca4.processor;

import dev.ca4.localstack.Await;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Shared setup of the processor's integration tests: the running server, its API key, the real broker. */
final class Pipeline {
    static final String TOPIC = "gpu-metadata";
    static final String BOOTSTRAP = System.getProperty("org.microshed.kafka.bootstrap.servers", "127.0.0.1:9092");

    static {
        // The build starts the server just before failsafe; wait until it really answers.
        Await.ready("http://localhost:" + System.getProperty("microshed_http_port", "9080") + "/health/ready",
                Duration.ofSeconds(180));
    }

    private Pipeline() {
    }

    static String apiKey() {
        String keys = System.getenv("CA4_API_KEYS");
        if (keys == null || keys.isBlank()) {
            fail("CA4_API_KEYS is not set: run the tests through `make test`");
        }
        return keys.split(",")[0].strip();
    }

    static RequestSpecification api() {
        return api(apiKey());
    }

    /** The API with another key: the test keys `make test-java` configures (see {@link TestKeys}). */
    static RequestSpecification api(String key) {
        return RestAssured.given().baseUri("http://localhost:" + System.getProperty("microshed_http_port", "9080"))
                .header("X-API-Key", key).contentType("application/json");
    }

    /** Sum of end offsets of the topic: moves when anything is published. */
    static long endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                spec.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(spec).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }

    /** Polls until the condition holds; fails naming what was awaited. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, timeout, condition);
    }
}
