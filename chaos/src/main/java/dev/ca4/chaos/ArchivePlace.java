package dev.ca4.chaos;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One segment row that holds an event, and the Kafka record it was archived from.
 *
 * @param record {@code topic/partition/offset}
 */
public record ArchivePlace(String key, int row, String record) {

    /**
     * How many archive copies each event has, counted so that only a worker fault is an extra copy: one Kafka record
     * archived in two rows. The same event_id at two offsets is two records, each archived once: a client that
     * retried after its 202 was lost (the processor stopped between publishing and answering) puts the event on the
     * topic twice, the store keeps it once (same _id) and the archive, the topic's log, keeps both rows.
     */
    static Map<String, Integer> copiesPerEvent(Map<String, List<ArchivePlace>> places) {
        Map<String, Integer> copies = new HashMap<>();
        places.forEach((id, at) -> {
            Set<String> records = new HashSet<>();
            at.forEach(p -> records.add(p.record()));
            copies.put(id, 1 + at.size() - records.size());
        });
        return copies;
    }

    /** Events the topic holds more than once (each a client retry after a lost answer), for the log. */
    static long eventsOnTheTopicTwice(Map<String, List<ArchivePlace>> places) {
        return places.values().stream()
                .filter(at -> at.stream().map(ArchivePlace::record).distinct().count() > 1).count();
    }
}
