package dev.ca4.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventIds;
import dev.ca4.event.EventValidator;
import dev.ca4.event.Violation;
import dev.ca4.event.Problem;
import dev.ca4.processor.api.error.Problems;
import dev.ca4.processor.config.ProcessorConfig;
import dev.ca4.processor.metrics.ProcessorMetrics;
import dev.ca4.processor.publish.EventPublisher;
import dev.ca4.processor.publish.PublishReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * Validates every item of a batch, publishes the valid ones concurrently, and answers per item with the
 * status {@link BatchStatus} decides (202, 207, 400 or 503).
 */
@ApplicationScoped
public class BatchIngest {
    private static final Logger LOG = Logger.getLogger(BatchIngest.class.getName());

    @Inject
    EventPublisher publisher;
    @Inject
    ProcessorMetrics metrics;
    @Inject
    ProcessorConfig config;

    CompletionStage<Response> ingest(JsonNode array, Instant receivedAt, EventValidator validator) {
        int n = array.size();
        List<CompletableFuture<IngestResults.Item>> items = new ArrayList<>(n);
        List<Problem.FieldError> allErrors = new ArrayList<>();
        int invalid = 0;
        for (int i = 0; i < n; i++) {
            EventValidator.Result r = validator.validate(EventIds.assignIfAbsent(array.get(i), UUID::randomUUID));
            if (!r.valid()) {
                invalid++;
                final int index = i;
                r.violations().forEach(v -> allErrors.add(Problem.FieldError.of(
                        Violation.of("[" + index + "]." + v.field(), v.rule(), v.message()))));
                items.add(CompletableFuture.completedFuture(IngestResults.Item.invalid(i,
                        Problem.invalid(r.violations()))));
                continue;
            }
            final int index = i;
            items.add(publisher.publish(r.event().withReceivedAt(receivedAt)).toCompletableFuture()
                    .handle((PublishReceipt receipt, Throwable failure) -> failure == null
                            ? IngestResults.Item.accepted(index, receipt.eventId(), receipt.partition(),
                            receipt.offset())
                            : IngestResults.Item.unpublished(index, r.event().eventId(),
                            Publishing.problem(failure))));
        }
        if (BatchStatus.allInvalid(n, invalid)) {
            return CompletableFuture.completedFuture(Problems.response(Problems.noValidItem(
                    "all " + n + " events are invalid; first: " + allErrors.get(0).message(), allErrors), null));
        }
        metrics.rejected("invalid-event", invalid);
        final int rejected = invalid;
        return CompletableFuture.allOf(items.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<IngestResults.Item> results = items.stream().map(CompletableFuture::join).toList();
            int accepted = (int) results.stream().filter(it -> it.status() == 202).count();
            int failed = n - accepted - rejected;
            metrics.accepted(accepted);
            BatchStatus status = BatchStatus.of(n, rejected, accepted);
            if (status == BatchStatus.KAFKA_UNAVAILABLE) {
                LOG.warning("batch of " + n + " not published: " + results.get(0).detail());
                return Problems.response(wholeBatch(results), config.retryAfterSeconds());
            }
            if (failed > 0) {
                results.stream().filter(it -> it.status() == 503)
                        .forEach(it -> metrics.rejected(Problem.slugOf(it.type()), 1));
                LOG.warning("batch: " + failed + " of " + n + " events not published");
            }
            return Response.status(status.code).type(MediaType.APPLICATION_JSON)
                    .entity(new IngestResults.Batch(accepted, rejected, failed, results)).build();
        });
    }

    /** One problem for a batch none of whose items Kafka took: unconfirmed if any item may have been written. */
    private static Problem wholeBatch(List<IngestResults.Item> results) {
        IngestResults.Item shown = results.stream()
                .filter(it -> Problems.PUBLISH_UNCONFIRMED.equals(Problem.slugOf(it.type())))
                .findFirst().orElse(results.get(0));
        String detail = "Kafka acknowledged none of the batch's " + results.size() + " events; first: " + shown.detail();
        return Problems.PUBLISH_UNCONFIRMED.equals(Problem.slugOf(shown.type())) ? Problems.publishUnconfirmed(detail)
                : Problems.kafkaUnavailable(detail);
    }
}
