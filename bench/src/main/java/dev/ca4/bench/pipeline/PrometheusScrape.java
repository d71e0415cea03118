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
        return scrape(http, base, prefix, true);
    }

    /** The sum of every series named {@code name} (e.g. one per collector), or NaN when none or not answering. */
    public static double sum(HttpClient http, URI base, String name) {
        return scrape(http, base, name, false);
    }

    private static double scrape(HttpClient http, URI base, String name, boolean firstOnly) {
        try {
            String body = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return valueOf(body, name, firstOnly);
        } catch (IOException e) {
            return Double.NaN; // not answering
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** The first or the summed series named {@code name} in Prometheus text; NaN when none or not a number. */
    static double valueOf(String body, String name, boolean firstOnly) {
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
