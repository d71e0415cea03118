package dev.ca4.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One sample of a Liberty server's /metrics (Prometheus text), for the bench and the chaos harness. */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The first series named {@code prefix} of {@code base}/metrics, or NaN when absent or not answering. */
    public static double sample(HttpClient http, URI base, String prefix) {
        try {
            String body = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith(prefix + " ") || line.startsWith(prefix + "{")) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not answering: NaN
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Double.NaN;
    }
}
