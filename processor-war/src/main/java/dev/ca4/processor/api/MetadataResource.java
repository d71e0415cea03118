package dev.ca4.processor.api;

import dev.ca4.event.ApiKeyRing;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventIds;
import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.event.Violation;
import dev.ca4.event.Problem;
import dev.ca4.processor.api.error.ProblemException;
import dev.ca4.processor.api.error.Problems;
import dev.ca4.processor.config.ProcessorConfig;
import dev.ca4.processor.metrics.ProcessorMetrics;
import dev.ca4.processor.publish.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/** {@code POST /metadata} and {@code POST /metadata/batch}: validate, normalize, publish, answer after the ack. */
@Path("/metadata")
@ApplicationScoped
public class MetadataResource {
    private static final Logger LOG = Logger.getLogger(MetadataResource.class.getName());

    @Inject
    ProcessorConfig config;
    @Inject
    EventPublisher publisher;
    @Inject
    ProcessorMetrics metrics;
    @Inject
    BatchIngest batchIngest;
    @Inject
    RateLimiter rateLimiter;

    private final EventValidator validator = new EventValidator();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Ingest one event", description = "Answers 202 once Kafka has acknowledged the record.")
    @APIResponse(responseCode = "202", description = "Accepted: {event_id, partition, offset}")
    @APIResponse(responseCode = "400", description = "Schema violation (problem+json naming field and rule)")
    @APIResponse(responseCode = "401", description = "Missing or unknown X-API-Key")
    @APIResponse(responseCode = "413", description = "Body over ca4.api.max-event-bytes or a JSON limit (errors[0].rule "
            + "limit:max-string-length, limit:max-array-elements, ...)")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json")
    @APIResponse(responseCode = "429", description = "Over this API key's rate limit; retry after Retry-After")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge: kafka-unavailable (not stored) or "
            + "publish-unconfirmed (may be stored); retry after Retry-After with the same event_id")
    public CompletionStage<Response> ingest(InputStream body, @HeaderParam("Content-Length") String length,
                                            @Context HttpServletRequest request) {
        Instant receivedAt = Instant.now();
        rateLimiter.acquire(acceptedKey(request), 1);
        byte[] bytes = RequestBody.read(body, length, config.maxEventBytes());
        metrics.requestSize(bytes.length);
        GpuMetadataEvent event = validOrThrow(EventIds.assignIfAbsent(parse(bytes), UUID::randomUUID))
                .withReceivedAt(receivedAt);
        return publisher.publish(event).handle((receipt, failure) -> {
            if (failure != null) {
                LOG.warning("event_id=" + event.eventId() + " not published: " + rootMessage(failure));
                return Publishing.unavailable(config, failure);
            }
            metrics.accepted(1);
            LOG.fine(() -> "event_id=" + event.eventId() + " accepted partition=" + receipt.partition()
                    + " offset=" + receipt.offset());
            return Response.accepted(new IngestResults.Accepted(receipt.eventId(), receipt.partition(),
                    receipt.offset())).type(MediaType.APPLICATION_JSON).build();
        });
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Ingest an array of events",
            description = "Per-item results; 202 when all were accepted, 207 otherwise.")
    @APIResponse(responseCode = "202", description = "Every item accepted")
    @APIResponse(responseCode = "207", description = "Some items rejected (400) or not published (503)")
    @APIResponse(responseCode = "400", description = "Not an array, empty, or every item invalid")
    @APIResponse(responseCode = "413", description = "Over ca4.api.max-batch-bytes or ca4.api.max-batch-size")
    @APIResponse(responseCode = "429", description = "Over this API key's rate limit (one token per event)")
    @APIResponse(responseCode = "503", description = "Kafka unavailable for every valid item")
    public CompletionStage<Response> ingestBatch(InputStream body, @HeaderParam("Content-Length") String length,
                                                 @Context HttpServletRequest request) {
        Instant receivedAt = Instant.now();
        byte[] bytes = RequestBody.read(body, length, config.maxBatchBytes());
        metrics.requestSize(bytes.length);
        JsonNode root = parse(bytes);
        if (!root.isArray() || root.isEmpty()) {
            throw new ProblemException(Problem.invalid(List.of(Violation.of("$", "type:array",
                    "a batch must be a non-empty JSON array of events"))));
        }
        if (root.size() > config.maxBatchSize()) {
            throw new ProblemException(Problems.batchTooLarge(
                    "a batch holds at most " + config.maxBatchSize() + " events, got " + root.size()));
        }
        rateLimiter.acquire(acceptedKey(request), root.size());
        return batchIngest.ingest(root, receivedAt, validator);
    }

    /** The key {@link ApiKeyFilter} matched; it refused every request without one. */
    private static ApiKeyRing.Match acceptedKey(HttpServletRequest request) {
        if (request.getAttribute(ApiKeyFilter.MATCH) instanceof ApiKeyRing.Match match) {
            return match;
        }
        throw new IllegalStateException("API key filter bypassed");
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return EventJson.parse(bytes);
        } catch (EventJson.LimitExceededException e) {
            throw new ProblemException(Problems.payloadTooLarge(
                    "body exceeds the JSON limit " + e.limit() + ": " + e.getMessage(),
                    List.of(new Problem.FieldError("$", "limit:" + e.limit(), e.getMessage()))));
        } catch (EventJson.MalformedJsonException e) {
            throw new ProblemException(Problem.invalid(List.of(Violation.of("$", "json",
                    "body is not valid JSON: " + e.getMessage()))));
        }
    }

    private GpuMetadataEvent validOrThrow(JsonNode node) {
        EventValidator.Result result = validator.validate(node);
        if (!result.valid()) {
            throw new ProblemException(Problem.invalid(result.violations()));
        }
        return result.event();
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + c + ")";
    }
}
