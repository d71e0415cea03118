package dev.ca4.processor.api;

import dev.ca4.event.ApiKeyRing;
import dev.ca4.processor.api.error.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * Every API request needs a valid {@code X-API-Key}; the key itself is never logged. A missing, unknown and
 * revoked key get the same answer, so the answer does not tell which of them it was.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {
    public static final String HEADER = "X-API-Key";
    /**
     * The request property holding the accepted key's {@link ApiKeyRing.Match}, so the key is matched once per request
     * (in a servlet container, request properties are the servlet request's attributes).
     */
    public static final String MATCH = ApiKeyFilter.class.getName() + ".match";

    @Inject
    ApiKeys keys;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<ApiKeyRing.Match> match = keys.match(request.getHeaderString(HEADER));
        if (match.isPresent()) {
            request.setProperty(MATCH, match.get());
        } else {
            request.abortWith(Problems.response(Problems.unauthorized("a valid " + HEADER + " header is required (the key sent, if any, is missing, unknown or revoked)"), null));
        }
    }
}
