package it.dev.ca4.producer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ca4.localstack.LocalStack;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** The running local pipeline the ITs drive: processor :9080, worker :9081, the local stack's store. */
final class Pipeline {
    static final String PROCESSOR = "http://localhost:9080";
    static final LocalStack STACK = LocalStack.fromEnvironment();
    private static final MongoClient MONGO = MongoClients.create(STACK.mongoUri());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        // The build starts both servers just before failsafe; wait until they can take traffic.
        awaitReady(PROCESSOR + "/health/ready");
        awaitReady("http://localhost:9081/health/ready");
    }

    private Pipeline() {
    }

    static MongoCollection<Document> documents() {
        return MONGO.getDatabase("ca4").getCollection("gpu_metadata");
    }

    static long copies(String eventId) {
        return documents().countDocuments(Filters.eq("_id", eventId));
    }

    static long documentsOfRun(String runId) {
        return documents().countDocuments(Filters.eq("source.run_id", runId));
    }

    static void awaitReady(String url) {
        try {
            await("ready: " + url, Duration.ofSeconds(180), () -> {
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not there yet
            }
            Thread.sleep(250);
        }
        fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
}
