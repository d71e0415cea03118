package dev.ca4.processor.api;

import dev.ca4.processor.api.error.Problems;
import dev.ca4.processor.config.ProcessorConfig;
import dev.ca4.processor.publish.PublishFailedException;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionException;

/** The 503 answer when Kafka did not acknowledge: the client retries later with the same event_id. */
final class Publishing {

    private Publishing() {
    }

    static Response unavailable(ProcessorConfig config, Throwable failure) {
        return Problems.response(Problems.kafkaUnavailable("the event was not stored: " + detail(failure) + "; retry with the same event_id"),
                config.retryAfterSeconds());
    }

    static String detail(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return t instanceof PublishFailedException ? t.getMessage() : "Kafka is unavailable";
    }
}
