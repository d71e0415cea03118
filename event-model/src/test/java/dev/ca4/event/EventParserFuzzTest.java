package dev.ca4.event;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of what the processor runs on every request body: {@link EventJson#parse} and
 * {@link EventValidator#validate}. Properties: the only exception is the malformed-JSON one (anything else
 * would be a 500), no input takes long, and an event that passes satisfies the schema and survives a round
 * trip through its topic form.
 *
 * <p>Plain {@code mvn test} replays the seed corpus and every past finding under
 * {@code src/test/resources/dev/ca4/event/EventParserFuzzTestInputs/parseAndValidate/}; {@code make test}
 * builds with {@code -Pfuzz}, which sets {@code JAZZER_FUZZ=1}: Jazzer mutates from there for
 * {@code maxDuration} and saves any crashing input into that folder, where it stays as a regression test.
 */
class EventParserFuzzTest {
    private static final Duration PER_INPUT = Duration.ofSeconds(2);
    private final EventValidator validator = new EventValidator();

    @FuzzTest(maxDuration = "60s")
    void parseAndValidate(byte[] body) {
        long start = System.nanoTime();
        JsonNode root;
        try {
            root = EventJson.parse(body);
        } catch (EventJson.MalformedJsonException expected) {
            assertNotNull(expected.getMessage());
            return;
        }
        EventValidator.Result result = validator.validate(root);
        if (result.valid()) {
            assertSatisfiesSchema(result.event());
            EventValidator.Result again = validator.validate(EventJson.parse(EventJson.toBytes(result.event())));
            assertTrue(again.valid(), () -> "its own topic form is refused: " + again.violations());
        } else {
            result.violations().forEach(v -> {
                assertNotNull(v.field());
                assertNotNull(v.rule());
            });
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(PER_INPUT) < 0, () -> "one body of " + body.length + " bytes took " + took);
    }

    private static void assertSatisfiesSchema(GpuMetadataEvent e) {
        assertEquals(GpuMetadataEvent.SCHEMA_VERSION, e.schemaVersion());
        assertEquals(e.eventId(), UUID.fromString(e.eventId()).toString(), "event_id is a lower-case UUID");
        assertNotNull(e.producedAt());
        assertNotNull(e.source());
        assertTrue(e.source().producer() != null && !e.source().producer().isBlank(), "source.producer");
        assertTrue(e.image() != null && e.image().id() != null && !e.image().id().isBlank(), "image.id");
        assertTrue(e.model() != null && e.model().name() != null && !e.model().name().isBlank(), "model.name");
        assertTrue(e.gpu() != null && Set.of("cuda", "cpu", "tpu").contains(e.gpu().backend()),
                "gpu.backend " + (e.gpu() == null ? null : e.gpu().backend()));
        assertNotNull(e.embedding());
        int dim = e.embedding().dim();
        assertTrue(dim >= 1 && dim <= EventValidator.MAX_DIM, "dim " + dim);
        for (float v : e.embedding().values()) {
            assertTrue(Float.isFinite(v), "embedding value " + v);
        }
        assertTrue(e.tags() == null || e.tags().size() <= EventValidator.MAX_TAGS, "tags");
    }
}
