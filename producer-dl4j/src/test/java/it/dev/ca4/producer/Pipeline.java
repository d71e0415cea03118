package it.dev.ca4.producer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ca4.localstack.Await;
import dev.ca4.localstack.LocalStack;
import org.bson.Document;

import java.time.Duration;
import java.util.function.BooleanSupplier;


/** The running local pipeline the ITs drive: processor :9080, worker :9081, the local stack's store. */
final class Pipeline {
    static final String PROCESSOR = "http://localhost:9080";
    static final LocalStack STACK = LocalStack.fromEnvironment();
    private static final MongoClient MONGO = MongoClients.create(STACK.mongoUri());

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

    /** Documents of this event, by the event_id field (not the unique _id, which can never be seen twice). */
    static long copies(String eventId) {
        return documents().countDocuments(Filters.eq("event_id", eventId));
    }

    static long documentsOfRun(String runId) {
        return documents().countDocuments(Filters.eq("source.run_id", runId));
    }

    static void awaitReady(String url) {
        try {
            Await.ok(url, Duration.ofSeconds(180));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, timeout, condition);
    }
}
