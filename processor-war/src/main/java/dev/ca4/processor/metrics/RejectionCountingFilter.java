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

    @Inject
    ProcessorMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem p && Problem.slugOf(p.type()) != null) {
            metrics.rejected(Problem.slugOf(p.type()), 1);
        }
    }
}
