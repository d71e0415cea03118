package dev.ca4.search.catalog;

import dev.ca4.event.GpuMetadataEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {
    @TempDir
    Path tmp;

    private static Entry entry(int i) {
        return new Entry("id-" + i, "resnet50", "run-" + (i % 2), Map.of("i", Integer.toString(i)),
                new GpuMetadataEvent.ImageInfo("img/" + i + ".jpg", null, 224, 224, "image/jpeg"));
    }

    @Test
    void reloadsWhatWasAppendedUpToTheCheckpointedBytes() throws Exception {
        Path file = tmp.resolve("catalog.jsonl");
        long bytesAtThree;
        try (Catalog c = new Catalog(file, -1)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(i, c.append(entry(i)));
            }
            bytesAtThree = c.bytes();
            c.append(entry(3));
            c.force();
        }
        try (Catalog c = new Catalog(file, bytesAtThree)) {
            assertEquals(3, c.size());
            assertEquals(entry(2), c.get(2));
            assertEquals(2, c.ordinalOf("id-2").orElseThrow());
            assertTrue(c.ordinalOf("id-3").isEmpty(), "appended after the checkpoint: dropped");
            assertEquals(3, c.append(entry(3)), "and appended again at the same ordinal");
            assertSame(c.get(1).runId(), c.get(3).runId(), "run ids are held once");
        }
    }

    @Test
    void refusesADuplicateAndAFileShorterThanItsCheckpoint() throws Exception {
        Path file = tmp.resolve("catalog.jsonl");
        try (Catalog c = new Catalog(file, -1)) {
            c.append(entry(0));
            assertThrows(IllegalStateException.class, () -> c.append(entry(0)));
            assertEquals(1, c.size());
        }
        assertThrows(java.io.IOException.class, () -> new Catalog(file, Files.size(file) + 10));
        Files.writeString(file, "not json\n");
        var e = assertThrows(java.io.IOException.class, () -> new Catalog(file, -1));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
