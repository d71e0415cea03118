package dev.ca4.search.api;

import dev.ca4.event.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Every search request needs a valid {@code X-API-Key} (a missing, unknown and revoked key get the same answer). */
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
                    "a valid " + HEADER + " header is required (the key sent, if any, is missing, unknown or revoked)")));
        }
    }
}
