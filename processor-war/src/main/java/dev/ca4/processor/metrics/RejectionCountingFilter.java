package dev.ca4.processor.metrics;

import dev.ca4.event.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Counts every problem response by its type, wherever it was raised (filter, resource or mapper). */
@Provider
public class RejectionCountingFilter implements ContainerResponseFilter {

    private static final String TYPE_PREFIX = "urn:ca4:problem:";

    @Inject
    ProcessorMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem p && p.type().startsWith(TYPE_PREFIX)) {
            metrics.rejected(p.type().substring(TYPE_PREFIX.length()), 1);
        }
    }
}
