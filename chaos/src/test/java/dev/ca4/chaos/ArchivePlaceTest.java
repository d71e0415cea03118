package dev.ca4.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArchivePlaceTest {

    @Test
    void oneRecordInTwoRowsIsAnExtraCopy() {
        Map<String, List<ArchivePlace>> places = Map.of("a", List.of(
                new ArchivePlace("gpu-metadata+5+0000000485.zip", 0, "gpu-metadata/5/485"),
                new ArchivePlace("gpu-metadata+5+0000000480.zip", 5, "gpu-metadata/5/485")));

        assertEquals(Map.of("a", 2), ArchivePlace.copiesPerEvent(places));
        assertEquals(0, ArchivePlace.eventsOnTheTopicTwice(places));
    }

    @Test
    void anEventOnTheTopicTwiceIsTwoRecordsEachArchivedOnce() {
        Map<String, List<ArchivePlace>> places = Map.of(
                "a", List.of(new ArchivePlace("gpu-metadata+5+0000000485.zip", 0, "gpu-metadata/5/485"),
                        new ArchivePlace("gpu-metadata+5+0000000486.zip", 1, "gpu-metadata/5/487")),
                "b", List.of(new ArchivePlace("gpu-metadata+5+0000000486.zip", 0, "gpu-metadata/5/486")));

        assertEquals(Map.of("a", 1, "b", 1), ArchivePlace.copiesPerEvent(places));
        assertEquals(1, ArchivePlace.eventsOnTheTopicTwice(places));
    }

    @Test
    void aRecordArchivedTwiceIsSeenBesideASecondRecordOfTheSameEvent() {
        Map<String, List<ArchivePlace>> places = Map.of("a", List.of(
                new ArchivePlace("k1", 0, "gpu-metadata/5/485"),
                new ArchivePlace("k2", 0, "gpu-metadata/5/485"),
                new ArchivePlace("k3", 1, "gpu-metadata/5/487")));

        assertEquals(Map.of("a", 2), ArchivePlace.copiesPerEvent(places));
    }
}
