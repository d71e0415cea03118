package dev.ca4.processor.api.error;

import dev.ca4.event.Problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework errors (404, 405, 406, 415, ...) get the same problem+json shape as ours. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = switch (status) {
            case 415 -> "Content-Type must be application/json";
            case 405 -> "method not allowed on this path";
            case 404 -> "no such resource";
            default -> e.getMessage();
        };
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return Problems.response(Problem.of(status, slug, title, detail), null);
    }
}
