package dev.ca4.worker.api;

import com.mongodb.MongoException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The read API answers 503 problem+json, not a stack trace, while the store is down. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<MongoException> {
    @Override
    public Response toResponse(MongoException e) {
        return Response.fromResponse(DocumentsResource.problem(503, "store-unavailable", "Service Unavailable",
                "the document store is unavailable: " + e.getClass().getSimpleName())).header("Retry-After", 5)
                .build();
    }
}
