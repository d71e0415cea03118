package dev.ca4.search.engine;

import dev.ca4.search.catalog.Entry;
import dev.ca4.search.catalog.Filter;
import dev.ca4.search.index.AnnIndex;
import dev.ca4.search.index.LiveIndex;
import dev.ca4.search.index.SyntheticVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexTest {
    private static final int DIM = 64;
    private static final LiveIndex.Settings SETTINGS = new LiveIndex.Settings(new AnnIndex.Settings(16, 60, 16, 40, 20, 30), 4096, 1, 0);
    private final SyntheticVectors data = new SyntheticVectors(DIM, 5, 1);

    @TempDir
    Path dir;

    private SearchIndex open(String topicId) throws Exception {
        return SearchIndex.open(dir, DIM, SETTINGS, 0, "gpu-metadata", topicId);
    }

    private static Entry entry(int i) {
        return new Entry("e" + i, "resnet50", i % 2 == 0 ? "even" : "odd", Map.of(), null);
    }

    @Test
    void anEventIdIsIndexedOnceAndFindsItself() throws Exception {
        try (SearchIndex index = open("t1")) {
            for (int i = 0; i < 20; i++) {
                assertEquals(SearchIndex.Added.INDEXED, index.add(entry(i), data.vector(i)));
            }
            assertEquals(SearchIndex.Added.DUPLICATE, index.add(entry(3), data.vector(3)));
            assertEquals(20, index.size());
            List<Neighbour> top = index.search(data.vector(3), 2, Filter.NONE);
            assertEquals("e3", top.get(0).entry().eventId());
            assertEquals(1.0, top.get(0).cosine(), 1e-5);
            assertFalse(top.get(1).entry().eventId().equals("e3"), "one copy of e3");
            List<Neighbour> similar = index.similar("e3", 19, Filter.NONE).orElseThrow();
            assertEquals(19, similar.size());
            assertTrue(similar.stream().noneMatch(n -> n.entry().eventId().equals("e3")), "itself left out");
            assertTrue(index.similar("e99", 5, Filter.NONE).isEmpty());
            assertTrue(index.search(data.vector(3), 20, new Filter(null, "odd", null)).stream()
                    .allMatch(n -> n.entry().runId().equals("odd")));
            assertEquals(10, index.search(data.vector(3), 20, new Filter(null, "odd", null)).size());
        }
    }

    @Test
    void reopensAtItsCheckpointAndDropsWhatCameAfter() throws Exception {
        try (SearchIndex index = open("t1")) {
            for (int i = 0; i < 10; i++) {
                index.add(entry(i), data.vector(i));
            }
            index.checkpoint(Map.of(0, 6L, 1, 4L));
            index.add(entry(10), data.vector(10)); // after the checkpoint: as if killed here
        }
        try (SearchIndex index = open("t1")) {
            assertEquals(10, index.size());
            assertEquals(Map.of(0, 6L, 1, 4L), index.loaded().offsets());
            assertFalse(index.contains("e10"));
            assertEquals(SearchIndex.Added.INDEXED, index.add(entry(10), data.vector(10)), "read again from the topic");
            assertEquals("e10", index.search(data.vector(10), 1, Filter.NONE).get(0).entry().eventId());
        }
    }

    @Test
    void aSnapshotOfAnotherTopicOrWithoutCheckpointIsRebuilt() throws Exception {
        try (SearchIndex index = open("t1")) {
            index.add(entry(0), data.vector(0));
            index.checkpoint(Map.of(0, 1L));
        }
        try (SearchIndex index = open("t2")) {
            assertEquals(0, index.size(), "the topic was made again: its old offsets mean nothing");
            assertEquals(0, index.loaded().offset(0));
            index.add(entry(5), data.vector(5)); // no checkpoint
        }
        try (SearchIndex index = open("t2")) {
            assertEquals(0, index.size());
        }
    }

    @Test
    void aCatalogThatDisagreesWithItsCheckpointIsRefusedWithTheWayOut() throws Exception {
        try (SearchIndex index = open("t1")) {
            index.add(entry(0), data.vector(0));
            index.add(entry(1), data.vector(1));
            index.checkpoint(Map.of(0, 2L));
        }
        Files.writeString(dir.resolve(SearchIndex.CATALOG), Files.readAllLines(dir.resolve(SearchIndex.CATALOG)).get(0) + "\n");
        var e = assertThrows(java.io.IOException.class, () -> open("t1"));
        assertTrue(e.getMessage().contains("delete"), e.getMessage());
    }
}
