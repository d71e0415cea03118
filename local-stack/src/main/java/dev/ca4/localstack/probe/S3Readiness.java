package dev.ca4.localstack.probe;

import dev.ca4.localstack.StackConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Ready when the S3 endpoint answers an HTTP request (any status: unsigned requests get 403). */
final class S3Readiness implements ReadinessCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final StackConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    S3Readiness(StackConfig config) {
        this.config = config;
    }

    @Override
    public boolean isReady() {
        if (!PortProbe.isListening(config.s3Port())) {
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.s3Endpoint() + "/")).timeout(TIMEOUT)
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
