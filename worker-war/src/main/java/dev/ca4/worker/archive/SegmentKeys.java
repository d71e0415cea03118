package dev.ca4.worker.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The archive's key layout (docs/archive-segments.md), Kafka Connect's S3 sink naming under a date folder of the
 * first record's Kafka time (UTC): {@code segments/YYYY/MM/DD/<topic>+<partition>+<first offset, 10 digits>.zip}.
 * The same first record always gives the same key.
 */
public final class SegmentKeys {
    public static final String PREFIX = "segments/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private SegmentKeys() {
    }

    public static String of(String topic, int partition, long firstOffset, long firstTimestampMs) {
        return PREFIX + DAY.format(Instant.ofEpochMilli(Math.max(0, firstTimestampMs))) + "/" + topic + "+" + partition
                + "+" + String.format("%010d", firstOffset) + ".zip";
    }
}
