package dev.ca4.producer.run;

import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.gpu.GpuProbe;
import dev.ca4.producer.image.PreparedImage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFactoryTest {
    private static final PreparedImage IMAGE = new PreparedImage("photos/cat 1.jpg", "ab".repeat(32), 640, 480,
            "image/jpeg", new float[0], 12.25);

    private static EventFactory factory(String runId) {
        return new EventFactory(new GpuMetadataEvent.Source("ca4-producer-dl4j/test", runId, "host-1"),
                new GpuMetadataEvent.ModelInfo("resnet50", "random", "dl4j-1.0.0-M2.1", "flatten_1"),
                GpuProbe.system().probe(), Map.of("site", "lab"),
                Clock.fixed(Instant.parse("2026-11-23T10:00:00.123456Z"), ZoneOffset.UTC));
    }

    @Test
    void everyBuiltEventPassesTheProcessorsValidatorUnchanged() {
        float[] embedding = new float[2048];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = i * 0.25f;
        }
        GpuMetadataEvent event = factory("run-1").build(IMAGE, embedding, 401.5);

        EventValidator.Result r = new EventValidator().validate(EventJson.parse(EventJson.toBytes(event)));

        assertTrue(r.valid(), r.violations().toString());
        assertEquals(event, r.event(), "the processor normalizes nothing away");
        assertArrayEquals(embedding, r.event().embedding().values());
        assertEquals("cpu", r.event().gpu().backend());
        assertEquals(new GpuMetadataEvent.Timings(12.25, 401.5, 413.75), r.event().timingsMs());
        assertEquals("2026-11-23T10:00:00.123Z", r.event().producedAt().toString());
    }

    @Test
    void eventIdIsStablePerRunImageAndContent() {
        String a = factory("run-1").build(IMAGE, new float[]{1}, 1).eventId();
        assertEquals(a, factory("run-1").build(IMAGE, new float[]{2}, 2).eventId(), "a retry keeps its id");
        assertNotEquals(a, factory("run-2").build(IMAGE, new float[]{1}, 1).eventId(), "a new run gets new ids");
        PreparedImage edited = new PreparedImage(IMAGE.id(), "cd".repeat(32), 640, 480, "image/jpeg", new float[0], 1);
        assertNotEquals(a, factory("run-1").build(edited, new float[]{1}, 1).eventId(), "new content, new id");
    }
}
