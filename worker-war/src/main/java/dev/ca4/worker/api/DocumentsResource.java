package dev.ca4.worker.api;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.ca4.event.Problem;
import dev.ca4.worker.store.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code GET /documents/{event_id}} and {@code GET /documents?limit=}: the stored documents, newest first. */
@Path("/documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {
    static final int MAX_LIMIT = 1000;

    @Inject
    MongoStore store;

    @GET
    @Path("/{eventId}")
    @Operation(summary = "One stored document by event_id")
    public Response byId(@PathParam("eventId") String eventId) {
        Document d = store.collection().find(Filters.eq("_id", eventId.toLowerCase())).first();
        if (d == null) {
            return problem(404, "not-found", "Not Found", "no document with event_id " + eventId);
        }
        return Response.ok(DocumentJson.of(d)).build();
    }

    @GET
    @Operation(summary = "The most recently stored documents")
    public Response latest(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return problem(400, "invalid-parameter", "Bad Request", "limit must be between 1 and " + MAX_LIMIT);
        }
        List<Document> docs = store.collection().find().sort(Sorts.descending("stored_at")).limit(limit)
                .into(new ArrayList<>());
        return Response.ok(docs.stream().map(DocumentJson::of).collect(Collectors.joining(",", "[", "]"))).build();
    }

    static Response problem(int status, String slug, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, slug, title, detail))
                .build();
    }
}
