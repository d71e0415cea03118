package it.dev.ca4.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.SampleEvents;
import io.restassured.RestAssured;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys and payloads never reach a log: requests carrying a recognizable key (accepted, unknown) and recognizable
 * payload markers (a valid event, an invalid one, a poison record straight onto the topic) go through both
 * servers, then every file under both servers' logs/ (messages.log, console.log, trace, access logs, FFDC) is
 * searched for them.
 */
class NoSecretsInLogsIT {
    private static final List<Path> LOG_DIRS = List.of(
            Path.of("..", "processor-war", "target", "liberty", "wlp", "usr", "servers", "processor", "logs"),
            Path.of("..", "worker-war", "target", "liberty", "wlp", "usr", "servers", "worker", "logs"));

    @Test
    void neitherServerLogsTheApiKeyOrThePayload() throws Exception {
        String key = System.getenv("CA4_API_KEYS").split(",")[0].strip();
        String marker = "PAYLOADMARKER" + UUID.randomUUID().toString().replace("-", "");
        String unknownKey = "ca4-unknown-KEYMARKER-" + UUID.randomUUID();

        UUID good = UUID.randomUUID();
        ObjectNode valid = SampleEvents.withValues(good, 8, new Random());
        valid.with("image").put("id", marker + "-valid.jpg");
        valid.with("tags").put("note", marker + "-tag");
        assertEquals(202, Pipeline.post(valid.toString()).statusCode());

        ObjectNode invalid = SampleEvents.withValues(UUID.randomUUID(), 8, new Random());
        invalid.with("gpu").put("backend", marker + "-backend");
        assertEquals(400, Pipeline.post(invalid.toString()).statusCode());
        assertEquals(400, Pipeline.processor().body("{\"not\":\"" + marker + "\"").post("/metadata").statusCode());
        assertEquals(400, Pipeline.processor().body("[" + invalid + "]").post("/metadata/batch").statusCode());
        assertEquals(401, RestAssured.given().baseUri("http://localhost:9080").header("X-API-Key", unknownKey)
                .contentType("application/json").body(valid.toString()).post("/metadata").statusCode());

        UUID poisonId = UUID.randomUUID();
        String garbageKey = UUID.randomUUID().toString();
        ObjectNode poison = SampleEvents.withValues(poisonId, 8, new Random());
        poison.put("schema_version", "2").with("image").put("id", marker + "-poison.jpg");
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            p.send(new ProducerRecord<>("gpu-metadata", poisonId.toString(),
                    poison.toString().getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
            // the parser's error quotes the token it choked on: the marker itself
            p.send(new ProducerRecord<>("gpu-metadata", garbageKey,
                    ("{\"image\": " + marker + "}").getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        }
        // Stored after the poison records were dead-lettered (same partition order is not needed: the worker
        // logs as it goes, and a later event proves it went past them).
        UUID after = UUID.randomUUID();
        assertEquals(202, Pipeline.post(SampleEvents.withValues(after, 8, new Random()).toString()).statusCode());
        Pipeline.await("events stored", Duration.ofSeconds(60),
                () -> Pipeline.copies(good.toString()) == 1 && Pipeline.copies(after.toString()) == 1);
        // The log writers flush on their own thread: search only once the lines that would quote the payload
        // (the two dead letters, parser error included) are in the worker's messages.log.
        Path workerLog = LOG_DIRS.get(1).resolve("messages.log");
        await("the worker's log holds both dead letters").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    String text = Files.exists(workerLog) ? read(workerLog) : "";
                    return text.contains("key=" + poisonId) && text.contains("key=" + garbageKey);
                });

        List<String> files = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (Path dir : LOG_DIRS) {
            assertTrue(Files.isDirectory(dir), "no log directory " + dir.toAbsolutePath());
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    files.add(f.toString());
                    String text = read(f);
                    for (String secret : List.of(key, unknownKey, "KEYMARKER", marker)) {
                        if (text.contains(secret)) {
                            findings.add(f + " contains " + (secret.equals(key) ? "the API key" : secret));
                        }
                    }
                }
            }
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("messages.log")), "searched " + files);
        assertTrue(findings.isEmpty(), String.join("\n", findings));
    }

    private static String read(Path f) throws IOException {
        return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    }
}
