package dev.ca4.worker.consume;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.deadletter.DeadLetterReason;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One consumed record waiting for the writer: either an event to store (event + document) or a record to
 * dead-letter (deadLetter set). Its message is acknowledged only after that work succeeded.
 */
public record PendingWrite(GpuMetadataEvent event, byte[] raw, Document document, RecordOrigin origin,
                           Message<?> message, DeadLetterReason deadLetter) {

    public static PendingWrite store(GpuMetadataEvent event, byte[] raw, Document doc, RecordOrigin origin,
                                     Message<?> message) {
        return new PendingWrite(event, raw, doc, origin, message, null);
    }

    public static PendingWrite deadLetter(byte[] raw, RecordOrigin origin, Message<?> message,
                                          DeadLetterReason reason) {
        return new PendingWrite(null, raw, null, origin, message, reason);
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }
}
