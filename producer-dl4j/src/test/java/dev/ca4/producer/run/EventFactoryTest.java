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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFactoryTest {
    private static final PreparedImage IMAGE = new PreparedImage("photos/cat 1.jpg", "ab".repeat(32), 640, 480,
            "image/jpeg", new float[0], 12.25);

    private static final GpuMetadataEvent.GpuInfo THIS_MACHINE = GpuProbe.system().probe();

    private static EventFactory factory(String runId) {
        return factory(runId, () -> THIS_MACHINE);
    }

    private static EventFactory factory(String runId, Supplier<GpuMetadataEvent.GpuInfo> gpu) {
        return new EventFactory(new GpuMetadataEvent.Source("ca4-producer-dl4j/test", runId, "host-1"),
                new GpuMetadataEvent.ModelInfo("resnet50", "random", "dl4j-1.0.0-M2.1", "flatten_1"),
                gpu, Map.of("site", "lab"), Clock.fixed(Instant.parse("2026-11-23T10:00:00.123456Z"), ZoneOffset.UTC));
    }

    @Test
    void eachEventCarriesTheGpuReadingOfWhenItWasBuilt() {
        GpuMetadataEvent.GpuInfo idle = new GpuMetadataEvent.GpuInfo("cuda", "Tesla T4", 1, 15360L, "11.6",
                "535.104.05", "7.5", 0, 300L, 15060L, "12.2");
        GpuMetadataEvent.GpuInfo busy = new GpuMetadataEvent.GpuInfo("cuda", "Tesla T4", 1, 15360L, "11.6",
                "535.104.05", "7.5", 96, 4100L, 11260L, "12.2");
        AtomicReference<GpuMetadataEvent.GpuInfo> reading = new AtomicReference<>(idle);
        EventFactory events = factory("run-1", reading::get);
        assertEquals(0, events.build(IMAGE, new float[]{1}, 1).gpu().utilizationPct());
        reading.set(busy);
        GpuMetadataEvent later = events.build(IMAGE, new float[]{1}, 1);
        assertEquals(96, later.gpu().utilizationPct());
        assertEquals(4100L, later.gpu().memoryUsedMb());
        assertTrue(new EventValidator().validate(EventJson.parse(EventJson.toBytes(later))).valid());
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
