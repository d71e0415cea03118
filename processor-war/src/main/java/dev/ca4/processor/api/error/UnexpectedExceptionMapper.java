package dev.ca4.processor.api.error;

import dev.ca4.event.Problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A bug must still answer problem+json, and be logged once with its stack. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected error", e);
        return Problems.response(Problem.of(500, "internal-error", "Internal Server Error",
                "unexpected error; see the processor log"), null);
    }
}
