package it.dev.ca4.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kafka down while the producer runs: it retries the same event_ids until accepted; one document per image. */
class ProducerKafkaOutageIT {
    private static final Pattern RETRY = Pattern.compile("retry \\d+ .* event_ids (\\S+)");
    private static final List<String> IMAGES = List.of("samples/house.png", "samples/sunset.jpg",
            "samples/circles.png");

    @AfterAll
    static void brokerIsBack() {
        Pipeline.STACK.start("kafka");
    }

    @Test
    void kafkaStoppedAndRestartedMidRunEveryImageStoredOnce() throws Exception {
        String runId = "it-outage-" + UUID.randomUUID();
        Path receipts = Files.createDirectories(Path.of("target/it").toAbsolutePath()).resolve(runId + "-receipts.jsonl");
        Pipeline.STACK.stop("kafka");
        ProducerProcess producer = ProducerProcess.start("--weights", "random", "--api", Pipeline.PROCESSOR,
                "--run-id", runId, "--batch-size", "2", "--concurrency", "1", "--give-up-after", "240",
                "--receipts", receipts.toString(), IMAGES.get(0), IMAGES.get(1), IMAGES.get(2));

        Pipeline.await("the producer retrying", Duration.ofSeconds(120),
                () -> producer.stderr().stream().anyMatch(l -> RETRY.matcher(l).find()));
        Pipeline.STACK.start("kafka");
        assertEquals(0, producer.await(Duration.ofMinutes(5)), producer.transcript());

        Set<String> retried = new HashSet<>();
        for (String line : producer.stderr()) {
            Matcher m = RETRY.matcher(line);
            if (m.find()) {
                retried.addAll(Arrays.asList(m.group(1).split(",")));
            }
        }
        List<JsonNode> outcomes = Files.readAllLines(receipts).stream()
                .map(l -> EventJson.parse(l.getBytes(StandardCharsets.UTF_8))).toList();
        assertEquals(3, outcomes.size());
        Set<String> accepted = new HashSet<>();
        for (JsonNode o : outcomes) {
            assertEquals("accepted", o.get("outcome").asText(), o.toString());
            accepted.add(o.get("event_id").asText());
        }
        assertFalse(retried.isEmpty());
        assertTrue(accepted.containsAll(retried), "retries carried the ids that were finally accepted: " + retried);

        Pipeline.await("3 documents of " + runId, Duration.ofSeconds(120), () -> Pipeline.documentsOfRun(runId) >= 3);
        // A duplicate, if any, would arrive right behind: the count must stay at 3 for 2 s.
        await("exactly one document per image, for 2 s").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Pipeline.documentsOfRun(runId), n -> n == 3);
        for (String id : accepted) {
            assertEquals(1, Pipeline.copies(id), id);
        }
        for (String image : IMAGES) {
            assertEquals(1, Pipeline.documents().countDocuments(new org.bson.Document("source.run_id", runId)
                    .append("image.id", image)), image);
        }
    }
}
