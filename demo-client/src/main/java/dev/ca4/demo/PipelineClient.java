package dev.ca4.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Minimal JSON over HTTP: POST to the processor (with X-API-Key), GET from a read API (the worker's, or the search
 * service's, which takes the same key).
 */
final class PipelineClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final URI worker;
    private final String apiKey;
    private int lastStatus;

    PipelineClient(URI api, URI worker, String apiKey) {
        this.api = api;
        this.worker = worker;
        this.apiKey = apiKey;
    }

    JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.MAPPER.writeValueAsBytes(body))).build();
        return send(req);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(worker.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
        if (apiKey != null) {
            req.header("X-API-Key", apiKey);
        }
        return send(req.build());
    }

    private JsonNode send(HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        lastStatus = r.statusCode();
        return r.body().length == 0 ? EventJson.MAPPER.createObjectNode() : EventJson.MAPPER.readTree(r.body());
    }

    int lastStatus() {
        return lastStatus;
    }
}
