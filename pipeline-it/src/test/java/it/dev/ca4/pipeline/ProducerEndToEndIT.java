package it.dev.ca4.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EmbeddingCodec;
import dev.ca4.event.EventJson;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped sample images through the whole local pipeline, checked in the store. */
class ProducerEndToEndIT {

    @Test
    void sampleImagesAreStoredWithModelGpuAndTheComputedEmbedding() throws Exception {
        String runId = "it-e2e-" + UUID.randomUUID();
        Path out = Files.createDirectories(Path.of("target/it").toAbsolutePath());
        Path receipts = out.resolve(runId + "-receipts.jsonl");
        ProducerProcess post = ProducerProcess.start("--weights", "random", "--api", Pipeline.PROCESSOR,
                "--run-id", runId, "--batch-size", "4", "--receipts", receipts.toString(), "samples");
        assertEquals(0, post.await(Duration.ofMinutes(5)), post.transcript());
        assertTrue(post.stdout().contains("images 6, accepted 6, rejected 0, failed 0"), post.transcript());

        // The same run id, images and seeded weights in a dry run: the events that were posted, recomputed.
        Path events = out.resolve(runId + "-events.jsonl");
        ProducerProcess dry = ProducerProcess.start("--weights", "random", "--run-id", runId, "--batch-size", "4",
                "--output", events.toString(), "samples");
        assertEquals(0, dry.await(Duration.ofMinutes(5)), dry.transcript());
        Map<String, JsonNode> computed = new HashMap<>();
        for (String line : Files.readAllLines(events)) {
            JsonNode e = EventJson.parse(line.getBytes(StandardCharsets.UTF_8));
            computed.put(e.get("event_id").asText(), e);
        }
        List<String> accepted = Files.readAllLines(receipts).stream()
                .map(l -> EventJson.parse(l.getBytes(StandardCharsets.UTF_8)))
                .filter(r -> r.get("outcome").asText().equals("accepted")).map(r -> r.get("event_id").asText())
                .toList();
        assertEquals(computed.keySet(), Set.copyOf(accepted), "event ids are derived, not random");

        Pipeline.await("6 documents of " + runId, Duration.ofSeconds(120), () -> Pipeline.documentsOfRun(runId) == 6);
        for (String id : accepted) {
            Document doc = Pipeline.documents().find(new Document("_id", id)).first();
            JsonNode event = computed.get(id);
            Document model = doc.get("model", Document.class);
            assertEquals("resnet50", model.getString("name"));
            assertEquals("random", model.getString("weights"));
            assertEquals("flatten_1", model.getString("layer"));
            assertTrue(model.getString("framework").startsWith("dl4j-"));
            Document gpu = doc.get("gpu", Document.class);
            assertEquals("cpu", gpu.getString("backend"));
            assertFalse(gpu.getString("name").isBlank());
            Document image = doc.get("image", Document.class);
            assertEquals(event.at("/image/id").asText(), image.getString("id"));
            assertEquals(event.at("/image/sha256").asText(), image.getString("sha256"));
            assertEquals(runId, doc.get("source", Document.class).getString("run_id"));

            float[] expected = EmbeddingCodec.fromBytes(EmbeddingCodec.decodeBase64(
                    event.at("/embedding/values_b64").asText()));
            float[] stored = storedVector(doc.get("embedding", Document.class).get("values"));
            assertEquals(2048, stored.length);
            double maxAbs = 0;
            double maxDiff = 0;
            for (int i = 0; i < expected.length; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
                maxDiff = Math.max(maxDiff, Math.abs((double) stored[i] - expected[i]));
            }
            // Equal up to float32 rounding (batch position and thread order vary between the two runs).
            assertTrue(maxDiff <= 1e-5 * maxAbs, id + " differs by " + maxDiff);
        }
    }

    /** embedding.values as the worker stores it: float32 binary (BSON vector subtype 9, or generic subtype 0). */
    private static float[] storedVector(Object values) {
        org.bson.types.Binary b = (org.bson.types.Binary) values;
        return b.getType() == 9
                ? new org.bson.BsonBinary(b.getType(), b.getData()).asVector().asFloat32Vector().getData()
                : EmbeddingCodec.fromBytes(b.getData());
    }
}
