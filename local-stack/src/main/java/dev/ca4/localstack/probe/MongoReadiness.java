package dev.ca4.localstack.probe;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.ca4.localstack.StackConfig;
import org.bson.Document;

import java.util.concurrent.TimeUnit;

/** Ready when a real {@code ping} command succeeds through the MongoDB driver. */
final class MongoReadiness implements ReadinessCheck {

    private static final int TIMEOUT_MS = 2000;

    private final StackConfig config;
    private MongoClient client;

    MongoReadiness(StackConfig config) {
        this.config = config;
    }

    @Override
    public boolean isReady() {
        if (!PortProbe.isListening(config.mongoPort())) {
            return false;
        }
        try {
            Document reply = client().getDatabase("admin").runCommand(new Document("ping", 1));
            return reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private MongoClient client() {
        if (client == null) {
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(config.mongoUri()))
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(b -> b.connectTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                            .readTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .build());
        }
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
