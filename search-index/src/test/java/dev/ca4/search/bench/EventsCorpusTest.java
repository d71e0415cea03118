package dev.ca4.search.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EmbeddingCodec;
import dev.ca4.event.SampleEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventsCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void everyEventIsIndexedOrHeldOutOnceAndTheSplitIsTheSameForTheSameSeed() throws Exception {
        List<String> lines = new ArrayList<>();
        Set<Float> firstValues = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 30; i++) {
            ObjectNode event = i % 2 == 0 ? SampleEvents.withBase64(UUID.randomUUID(), 16, random)
                    : SampleEvents.withValues(UUID.randomUUID(), 16, random);
            event.with("embedding").remove("values");
            float[] v = SampleEvents.randomVector(16, random);
            v[0] = i + 0.5f; // each event recognisable by its first value
            event.with("embedding").put("values_b64", EmbeddingCodec.encodeBase64(v));
            firstValues.add(v[0]);
            lines.add(event.toString());
        }
        lines.add(5, "");
        Path file = Files.write(tmp.resolve("events.jsonl"), lines);

        EventsCorpus corpus = EventsCorpus.read(file, 4, 42);
        assertEquals(26, corpus.indexed().size());
        assertEquals(4, corpus.queries().size());
        assertEquals(16, corpus.dimension());
        assertEquals("resnet50 (weights random)", corpus.model());
        Set<Float> seen = new HashSet<>();
        corpus.indexed().forEach(v -> assertTrue(seen.add(v[0]), "indexed twice: " + v[0]));
        corpus.queries().forEach(v -> assertTrue(seen.add(v[0]), "a query is also indexed: " + v[0]));
        assertEquals(firstValues, seen);

        EventsCorpus again = EventsCorpus.read(file, 4, 42);
        for (int q = 0; q < 4; q++) {
            assertEquals(corpus.queries().get(q)[0], again.queries().get(q)[0]);
        }
    }

    @Test
    void anInvalidEventIsRefusedNamingItsLineAndField() throws Exception {
        Random random = new Random(2);
        ObjectNode bad = SampleEvents.withBase64(UUID.randomUUID(), 16, random);
        bad.with("embedding").put("dim", 17);
        Path file = Files.write(tmp.resolve("bad.jsonl"), List.of(
                SampleEvents.withBase64(UUID.randomUUID(), 16, random).toString(), bad.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventsCorpus.read(file, 1, 42));
        assertTrue(e.getMessage().contains("bad.jsonl line 2: not a valid event: embedding"), e.getMessage());

        Path notJson = Files.write(tmp.resolve("text.jsonl"), List.of("{\"schema_version\": "));
        e = assertThrows(IllegalArgumentException.class, () -> EventsCorpus.read(notJson, 1, 42));
        assertTrue(e.getMessage().contains("text.jsonl line 1: not JSON"), e.getMessage());
    }

    @Test
    void aSecondModelOrDimensionOrTooFewEventsAreRefused() throws Exception {
        Random random = new Random(3);
        ObjectNode other = SampleEvents.withBase64(UUID.randomUUID(), 16, random);
        other.with("model").put("weights", "imagenet");
        Path mixed = Files.write(tmp.resolve("mixed.jsonl"), List.of(
                SampleEvents.withBase64(UUID.randomUUID(), 16, random).toString(), other.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventsCorpus.read(mixed, 0, 42));
        assertTrue(e.getMessage().contains("line 2: model resnet50 (weights imagenet), the lines before resnet50 (weights random)"),
                e.getMessage());

        Path dims = Files.write(tmp.resolve("dims.jsonl"), List.of(
                SampleEvents.withBase64(UUID.randomUUID(), 16, random).toString(),
                SampleEvents.withBase64(UUID.randomUUID(), 8, random).toString()));
        e = assertThrows(IllegalArgumentException.class, () -> EventsCorpus.read(dims, 0, 42));
        assertTrue(e.getMessage().contains("line 2: 8 dimensions, the lines before 16"), e.getMessage());

        Path two = Files.write(tmp.resolve("two.jsonl"), List.of(
                SampleEvents.withBase64(UUID.randomUUID(), 16, random).toString(),
                SampleEvents.withBase64(UUID.randomUUID(), 16, random).toString()));
        e = assertThrows(IllegalArgumentException.class, () -> EventsCorpus.read(two, 2, 42));
        assertTrue(e.getMessage().contains("has 2 events: more than the 2 held-out queries are needed"), e.getMessage());
    }
}
