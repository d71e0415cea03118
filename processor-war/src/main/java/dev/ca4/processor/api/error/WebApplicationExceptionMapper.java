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
        return Problems.response(Problem.httpError(status, type == null ? null : type.getReasonPhrase(), e.getMessage()), null);
    }
}
