package dev.ca4.processor.api.error;

import dev.ca4.event.Problem;

import jakarta.ws.rs.core.Response;

/** The one place that turns a {@link Problem} into an HTTP response. */
public final class Problems {

    private Problems() {
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
