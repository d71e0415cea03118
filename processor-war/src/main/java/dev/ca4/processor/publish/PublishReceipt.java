package dev.ca4.processor.publish;

/** Where Kafka stored an event; partition and offset are -1 if the connector did not report them. */
public record PublishReceipt(String eventId, int partition, long offset) {
}
