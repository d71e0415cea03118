package dev.ca4.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventValidatorTest {

    private final EventValidator validator = new EventValidator();

    static List<BadEvents.Case> badEvents() {
        return BadEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void rejectsEachBrokenRuleNamingFieldAndRule(BadEvents.Case bad) {
        List<Violation> violations;
        try {
            violations = validator.validate(EventJson.parse(bad.body().getBytes())).violations();
        } catch (EventJson.MalformedJsonException e) {
            violations = List.of(Violation.of("$", "json", e.getMessage()));
        }
        assertFalse(violations.isEmpty(), "accepted: " + bad.name());
        Violation first = violations.get(0);
        assertEquals(bad.field(), first.field(), violations.toString());
        assertEquals(bad.rule(), first.rule(), violations.toString());
        assertTrue(first.message().startsWith(bad.field()), first.message());
    }

    @Test
    void acceptsValidEventAndNormalizes() {
        ObjectNode json = SampleEvents.withValues(null, 16, new Random(1));
        json.put("produced_at", "2026-03-01T14:00:00.250+02:00");
        json.put("event_id", "123E4567-E89B-12D3-A456-426614174000");
        json.with("gpu").put("backend", "CUDA");
        EventValidator.Result r = validator.validate(json);
        assertTrue(r.valid(), r.violations().toString());
        GpuMetadataEvent e = r.event();
        assertEquals("123e4567-e89b-12d3-a456-426614174000", e.eventId());
        assertEquals(Instant.parse("2026-03-01T12:00:00.250Z"), e.producedAt());
        assertEquals("cuda", e.gpu().backend());
        assertEquals(16, e.embedding().dim());
    }

    @Test
    void keepsTheGpuReadingTakenWhileTheBatchRan() {
        ObjectNode json = SampleEvents.withValues(UUID.randomUUID(), 4, new Random(1));
        json.with("gpu").put("backend", "cuda").put("utilization_pct", 87).put("memory_used_mb", 3120)
                .put("memory_free_mb", 12240).put("driver_cuda_version", "12.4");
        GpuMetadataEvent.GpuInfo gpu = validator.validate(json).event().gpu();
        assertEquals(87, gpu.utilizationPct());
        assertEquals(3120L, gpu.memoryUsedMb());
        assertEquals(12240L, gpu.memoryFreeMb());
        assertEquals("12.4", gpu.driverCudaVersion());
    }

    @Test
    void eventIdIsRequiredTheValidatorInventsNone() {
        EventValidator.Result r = validator.validate(SampleEvents.withValues(null, 4, new Random()));
        assertFalse(r.valid());
        assertEquals(List.of(Violation.of("event_id", "required", "is required")), r.violations());
    }

    @Test
    void theProcessorsAssignedIdIsTheOneValidated() {
        UUID fixed = UUID.fromString("00000000-0000-4000-8000-000000000001");
        EventValidator.Result r = validator.validate(
                EventIds.assignIfAbsent(SampleEvents.withValues(null, 4, new Random()), () -> fixed));
        assertEquals(fixed.toString(), r.event().eventId());
    }

    @Test
    void absentSchemaVersionMeansOne() {
        ObjectNode json = SampleEvents.withBase64(UUID.randomUUID(), 4, new Random());
        json.remove("schema_version");
        assertEquals("1", validator.validate(json).event().schemaVersion());
    }

    @Test
    void reportsEveryViolationAtOnce() {
        ObjectNode json = SampleEvents.withValues(UUID.randomUUID(), 4, new Random());
        json.remove("produced_at");
        json.with("gpu").put("backend", "abacus");
        json.with("model").remove("name");
        assertEquals(3, validator.validate(json).violations().size());
    }

    @Test
    void topicFormRoundTripsThroughValidatorWithSameValues() {
        EventValidator.Result first = validator.validate(SampleEvents.withValues(UUID.randomUUID(), 2048, new Random(3)));
        GpuMetadataEvent stamped = first.event().withReceivedAt(Instant.parse("2026-01-01T00:00:00Z"));
        byte[] topic = EventJson.toBytes(stamped);
        JsonNode tree = EventJson.parse(topic);
        assertTrue(tree.path("embedding").has("values_b64"));
        assertFalse(tree.path("embedding").has("values"));
        GpuMetadataEvent again = validator.validate(tree).event();
        assertEquals(stamped, again);
        assertArrayEquals(stamped.embedding().values(), again.embedding().values());
        // A 2048-d float32 vector is 8 KiB raw; the whole topic record stays close to that.
        assertTrue(topic.length < 8192 * 4 / 3 + 1024, "topic record is " + topic.length + " bytes");
    }

    @Test
    void malformedJsonNamesTheLocation() {
        var e = assertThrows(EventJson.MalformedJsonException.class, () -> EventJson.parse("{\"a\":".getBytes()));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejectedAsMalformed() {
        assertThrows(EventJson.MalformedJsonException.class, () -> EventJson.parse("{\"a\":1,\"a\":2}".getBytes()));
    }

    @Test
    void invalidResultCarriesNoEvent() {
        EventValidator.Result r = validator.validate(EventJson.parse("{}".getBytes()));
        assertNull(r.event());
        assertNotNull(r.violations());
    }
}
