package dev.ca4.processor.api;

import dev.ca4.event.Problem;
import dev.ca4.processor.api.error.Problems;
import dev.ca4.processor.config.ProcessorConfig;
import dev.ca4.processor.publish.PublishFailedException;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionException;

/**
 * The 503 answer when Kafka did not acknowledge. It says only what the processor knows: {@code kafka-unavailable}
 * when the event never reached a broker (not stored), {@code publish-unconfirmed} when a broker may have appended
 * it before failing (stored or not). Either way the client retries with the same event_id, which the worker
 * stores at most once.
 */
final class Publishing {

    private Publishing() {
    }

    static Response unavailable(ProcessorConfig config, Throwable failure) {
        return Problems.response(problem(failure), config.retryAfterSeconds());
    }

    static Problem problem(Throwable failure) {
        return mayHaveBeenWritten(failure)
                ? Problems.publishUnconfirmed("Kafka did not confirm the event, so it may or may not be stored: "
                + detail(failure) + "; retry with the same event_id (it is never stored twice)")
                : Problems.kafkaUnavailable("the event was not stored: " + detail(failure)
                + "; retry with the same event_id");
    }

    /** Unless the failure proves otherwise, a broker may have appended the record before it failed. */
    private static boolean mayHaveBeenWritten(Throwable failure) {
        return !(cause(failure) instanceof PublishFailedException p) || p.mayHaveBeenWritten();
    }

    private static String detail(Throwable failure) {
        Throwable t = cause(failure);
        return t instanceof PublishFailedException ? t.getMessage() : "Kafka is unavailable";
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
