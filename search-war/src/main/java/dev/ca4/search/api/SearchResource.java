package dev.ca4.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.ca4.event.EventJson;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.search.config.SearchConfig;
import dev.ca4.search.engine.IndexHolder;
import dev.ca4.search.engine.Neighbour;
import dev.ca4.search.engine.SearchIndex;
import dev.ca4.search.metrics.SearchMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /similar/{event_id}}: the indexed events whose embeddings are nearest to that event's (itself left
 * out); {@code POST /search}: nearest to a given vector; {@code GET /events/{event_id}}: whether an event is indexed. Both by cosine similarity, best first, optionally
 * filtered by model.name, source.run_id and tags.
 */
@Path("/")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    IndexHolder holder;
    @Inject
    SearchConfig config;
    @Inject
    SearchMetrics metrics;

    /** One answer, as the API writes it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String eventId, double score, GpuMetadataEvent.ImageInfo image) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Results(List<Result> results, double tookMs) {
    }

    @GET
    @Path("/similar/{eventId}")
    @Operation(summary = "The k indexed events most similar to this one (k 1..100, default 10; filters as query parameters: model.name, source.run_id, tags.<name>)")
    public Response similar(@PathParam("eventId") String eventId, @Context UriInfo uri) {
        long start = System.nanoTime();
        var parameters = uri.getQueryParameters();
        Map<String, String> filter = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.equals("k")) {
                filter.put(name, values.get(0));
            }
        });
        SearchQuery query = parse(() -> SearchQuery.fromParameters(parameters.getFirst("k"), filter, config.maxK()));
        List<Neighbour> found = index().similar(eventId.toLowerCase(Locale.ROOT), query.k(), query.filter())
                .orElseThrow(() -> new Problems.ProblemException(Problems.notIndexed(eventId)));
        return answer("similar", found, start);
    }

    @GET
    @Path("/events/{eventId}")
    @Operation(summary = "Whether an event is indexed (searchable), and what the index keeps of it: 404 until it is")
    public Response indexed(@PathParam("eventId") String eventId) {
        SearchIndex index = index();
        return index.entry(eventId.toLowerCase(Locale.ROOT)).map(SearchResource::ok)
                .orElseThrow(() -> new Problems.ProblemException(Problems.notIndexed(eventId)));
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The k indexed events nearest to a vector ({\"values\" | \"values_b64\", \"k\", \"filter\"})")
    public Response search(byte[] body) {
        long start = System.nanoTime();
        SearchIndex index = index();
        SearchQuery query = parse(() -> SearchQuery.fromBody(body, index.dimension(), config.maxK()));
        return answer("search", index.search(query.vector(), query.k(), query.filter()), start);
    }

    private SearchIndex index() {
        return holder.index().orElseThrow(() -> new Problems.ProblemException(Problems.loading(holder.problem())));
    }

    private interface Parser {
        SearchQuery parse() throws SearchQuery.Invalid;
    }

    private static SearchQuery parse(Parser parser) {
        try {
            return parser.parse();
        } catch (SearchQuery.Invalid e) {
            throw new Problems.ProblemException(Problems.invalidQuery(e.violations()));
        }
    }

    private Response answer(String kind, List<Neighbour> found, long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        metrics.queried(kind, took);
        List<Result> results = found.stream()
                .map(n -> new Result(n.entry().eventId(), n.cosine(), n.entry().image())).toList();
        return ok(new Results(results, Math.round(took.toNanos() / 1e4) / 100.0));
    }

    /** 200 with the body written by the events' own mapper (snake_case, the image as the event has it). */
    private static Response ok(Object body) {
        try {
            return Response.ok(EventJson.MAPPER.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }
}
