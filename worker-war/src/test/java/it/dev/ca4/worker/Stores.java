package it.dev.ca4.worker;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.ca4.worker.archive.S3Clients;
import software.amazon.awssdk.services.s3.S3Client;


/**
 * The local stack's store and S3 server, which the worker's own integration tests write to directly (the
 * cross-service tests live in pipeline-it).
 */
final class Stores {
    // A read timeout, so a store that stops answering fails the test instead of hanging the build.
    static final MongoClient MONGO = MongoClients.create("mongodb://127.0.0.1:27017/?socketTimeoutMS=30000");

    private Stores() {
    }

    /** The local S3 server, through the worker's own client factory, with the credentials the worker uses. */
    static S3Client s3() {
        return S3Clients.create("us-east-1", "http://127.0.0.1:9000", true,
                System.getenv().getOrDefault("CA4_S3_ACCESS_KEY", "ca4-local"),
                System.getenv().getOrDefault("CA4_S3_SECRET_KEY", "ca4-local-secret"));
    }
}
