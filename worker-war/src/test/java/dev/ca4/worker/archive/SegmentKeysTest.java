package dev.ca4.worker.archive;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SegmentKeysTest {

    @Test
    void namesTopicPartitionAndZeroPaddedFirstOffsetUnderTheRecordsUtcDate() {
        assertEquals("segments/2025/12/05/gpu-metadata+3+0000001200.zip",
                SegmentKeys.of("gpu-metadata", 3, 1200, 1_764_979_199_000L)); // 23:59:59 UTC
        assertEquals("segments/2025/12/06/gpu-metadata+3+0000001200.zip",
                SegmentKeys.of("gpu-metadata", 3, 1200, 1_764_979_200_000L));
    }
}
