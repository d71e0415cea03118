package dev.ca4.search.api;

import dev.ca4.event.Problem;
import dev.ca4.event.Violation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The search API's problems (application/problem+json, the processor's shape) and their responses. */
public final class Problems {
    private Problems() {
    }

    /** A query that breaks these rules: 400, every field named. */
    public static Problem invalidQuery(List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " rules failed; first: " + violations.get(0).message();
        return Problem.of(400, "invalid-query", "The query is not valid", detail,
                violations.stream().map(Problem.FieldError::of).toList());
    }

    public static Problem notIndexed(String eventId) {
        return Problem.of(404, "not-found", "Not Found", "no indexed event with event_id " + eventId);
    }

    public static Problem loading(String why) {
        return Problem.of(503, "index-loading", "Service Unavailable",
                "the index is not open yet" + (why == null ? "" : " (" + why + ")") + "; retry shortly");
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder r = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            r.header("Retry-After", 5);
        }
        return r.build();
    }

    /** Thrown by the resource; answered as its problem. */
    public static final class ProblemException extends WebApplicationException {
        private final transient Problem problem;

        public ProblemException(Problem problem) {
            super(problem.detail(), problem.status());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
