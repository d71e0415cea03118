package dev.ca4.producer.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.GpuMetadataEvent;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Posts events to {@code POST /metadata/batch} until each one is accepted, refused, or the retry budget is spent.
 * 429, 502, 503, 504 and connection errors are retried with {@link Backoff}, always the same events with the same
 * {@code event_id}s, so a retry never makes a second document. Any other 4xx ends the events it concerns with the
 * server's problem message; a 207 answer retries only the items that were not published.
 */
public final class ProcessorClient {
    private static final Logger LOG = Logger.getLogger(ProcessorClient.class.getName());
    private static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);

    private final HttpClient http;
    private final URI batchUri;
    private final String apiKey;
    private final Backoff backoff;
    private final Duration giveUpAfter;

    public ProcessorClient(URI api, String apiKey, Backoff backoff, Duration giveUpAfter) {
        this(api, apiKey, backoff, giveUpAfter, Tls.verifyWithDefaults());
    }

    /** @param tls how an {@code https} API's certificate is verified */
    public ProcessorClient(URI api, String apiKey, Backoff backoff, Duration giveUpAfter, Tls tls) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(tls.context()).build();
        this.batchUri = batchUri(api);
        this.apiKey = apiKey;
        this.backoff = backoff;
        this.giveUpAfter = giveUpAfter;
    }

    /** {@code <api>/metadata/batch}, keeping a path prefix (an ingress may serve the API below one). */
    static URI batchUri(URI api) {
        String path = api.getPath() == null ? "" : api.getPath();
        return api.resolve((path.endsWith("/") ? path : path + "/") + "metadata/batch");
    }

    /** One outcome per event, in order. Blocks through the retries. */
    public List<Outcome> send(List<GpuMetadataEvent> events) throws InterruptedException {
        Outcome[] outcomes = new Outcome[events.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            pending.add(i);
        }
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        for (int attempt = 0; ; attempt++) {
            BatchAnswer answer = post(pending.stream().map(events::get).toList());
            List<Integer> retry = new ArrayList<>();
            for (int k = 0; k < pending.size(); k++) {
                int i = pending.get(k);
                Outcome o = answer.outcome(k, events.get(i).eventId());
                if (o == null) {
                    retry.add(i);
                } else {
                    outcomes[i] = o;
                }
            }
            if (retry.isEmpty()) {
                return List.of(outcomes);
            }
            Duration wait = backoff.delay(attempt, answer.retryAfter());
            if (System.nanoTime() + wait.toNanos() > deadline) {
                for (int i : retry) {
                    outcomes[i] = new Outcome(events.get(i).eventId(), Outcome.Kind.FAILED, answer.status(),
                            "gave up after " + (attempt + 1) + " attempts: " + answer.reason());
                }
                return List.of(outcomes);
            }
            List<String> ids = retry.stream().map(i -> events.get(i).eventId()).toList();
            int retryNumber = attempt + 1;
            LOG.info(() -> String.format("retry %d in %.1f s of %d events after %s; event_ids %s", retryNumber,
                    wait.toMillis() / 1000.0, ids.size(), answer.reason(), String.join(",", ids)));
            Thread.sleep(wait.toMillis());
            pending = retry;
        }
    }

    private BatchAnswer post(List<GpuMetadataEvent> batch) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.MAPPER.writeValueAsBytes(batch))).build();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = parse(r.body());
            return new BatchAnswer(r.statusCode(), body, RETRIED.contains(r.statusCode()),
                    retryAfter(r.headers().firstValue("Retry-After").orElse(null)));
        } catch (SSLHandshakeException e) {
            // An untrusted certificate or a wrong host name does not heal by retrying: end the events at once.
            return new BatchAnswer(Outcome.TLS_FAILED, null, false, null, "TLS handshake with "
                    + batchUri.getHost() + ":" + batchUri.getPort() + " failed (" + e.getMessage() + "): " + Tls.HINT);
        } catch (IOException e) {
            // Refused, reset or timed out: nothing was acknowledged, so the same events are sent again.
            return BatchAnswer.noAnswer(e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? EventJson.MAPPER.createObjectNode() : EventJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return EventJson.MAPPER.createObjectNode().put("detail", new String(body, 0, Math.min(body.length, 200),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static Duration retryAfter(String header) {
        try {
            return header == null ? null : Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own backoff
        }
    }
}
