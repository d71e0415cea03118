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
        String body = fetch(http, base);
        return body == null ? Double.NaN : valueOf(body, prefix, true);
    }

    /** {@code base}/metrics as Prometheus text, or null when not answering; read it with {@link #valueOf}. */
    public static String fetch(HttpClient http, URI base) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return null; // not answering
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The first or the summed series named {@code name} in Prometheus text; NaN when none or not a number. */
    public static double valueOf(String body, String name, boolean firstOnly) {
        double sum = 0;
        boolean found = false;
        try {
            for (String line : body.split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (firstOnly) {
                        return v;
                    }
                    sum += v;
                    found = true;
                }
            }
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        return found ? sum : Double.NaN;
    }
}
