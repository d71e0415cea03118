package dev.ca4.processor.api.error;

import dev.ca4.event.Problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The processor's problems, each built in one place (type slug, title and status together), and the one place
 * that turns a {@link Problem} into an HTTP response.
 */
public final class Problems {

    /** The slug of {@link #publishUnconfirmed}, which batch answers look for among their items. */
    public static final String PUBLISH_UNCONFIRMED = "publish-unconfirmed";

    private Problems() {
    }

    public static Problem unauthorized(String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail);
    }

    /** The body, or a JSON limit inside it, is too large; {@code errors} names the limit when there is one. */
    public static Problem payloadTooLarge(String detail, List<Problem.FieldError> errors) {
        return Problem.of(413, "payload-too-large", "Payload Too Large", detail, errors);
    }

    public static Problem batchTooLarge(String detail) {
        return Problem.of(413, "batch-too-large", "Batch Too Large", detail);
    }

    public static Problem rateLimited(String detail) {
        return Problem.of(429, "rate-limited", "Too Many Requests", detail);
    }

    /** Kafka certainly did not take the event: it is not stored. */
    public static Problem kafkaUnavailable(String detail) {
        return Problem.of(503, "kafka-unavailable", "Service Unavailable", detail);
    }

    /** Kafka did not confirm the event: it may or may not be stored; a retry with the same event_id is safe. */
    public static Problem publishUnconfirmed(String detail) {
        return Problem.of(503, PUBLISH_UNCONFIRMED, "Service Unavailable", detail);
    }

    /** A batch none of whose items matches the schema: every item's violations, fields prefixed by its index. */
    public static Problem noValidItem(String detail, List<Problem.FieldError> errors) {
        return Problem.of(400, "invalid-event", "No event of the batch matches schema version 1", detail, errors);
    }

    public static Response response(Problem problem, Integer retryAfterSeconds) {
        Response.ResponseBuilder r = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfterSeconds != null) {
            r.header("Retry-After", retryAfterSeconds);
        }
        return r.build();
    }

    public static Response response(ProblemException e) {
        return response(e.problem(), e.retryAfterSeconds());
    }
}
