package dev.ca4.worker.record;

/** Where a record came from: its lineage in the stored document and in dead-letter headers. */
public record RecordOrigin(String topic, int partition, long offset, String key) {

    public static final RecordOrigin UNKNOWN = new RecordOrigin("unknown", -1, -1, null);

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
