package dev.ca4.search.api;

import dev.ca4.event.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error answers application/problem+json: ours, the framework's (404, 405, 415, ...) and a bug's. */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof Problems.ProblemException p) {
                return Problems.response(p.problem());
            }
            int status = e.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            return Problems.response(Problem.httpError(status, type == null ? null : type.getReasonPhrase(), e.getMessage()));
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) { // a WebApplicationException goes to Web, the closer type
            LOG.log(Level.SEVERE, "unexpected error", e);
            return Problems.response(Problem.of(500, "internal-error", "Internal Server Error",
                    "unexpected error; see the search service's log"));
        }
    }
}
