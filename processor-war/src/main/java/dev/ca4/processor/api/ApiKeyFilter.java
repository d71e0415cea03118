package dev.ca4.processor.api;

import dev.ca4.event.Problem;
import dev.ca4.processor.api.error.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API request needs a valid {@code X-API-Key}; the key itself is never logged. A missing, unknown and
 * revoked key get the same answer, so the answer does not tell which of them it was.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {
    public static final String HEADER = "X-API-Key";

    @Inject
    ApiKeys keys;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!keys.accepts(request.getHeaderString(HEADER))) {
            request.abortWith(Problems.response(Problem.of(401, "unauthorized", "Unauthorized",
                    "a valid " + HEADER + " header is required (the key sent, if any, is missing, unknown or revoked)"), null));
        }
    }
}
