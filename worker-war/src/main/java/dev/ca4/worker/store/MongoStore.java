package dev.ca4.worker.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.ca4.worker.config.WorkerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The store connection (MongoDB or Amazon DocumentDB). For DocumentDB the URI carries tls=true and
 * retryWrites=false, and {@code ca4.mongo.tls-ca-file} names Amazon's CA bundle.
 */
@ApplicationScoped
public class MongoStore {

    private static final Logger LOG = Logger.getLogger(MongoStore.class.getName());

    @Inject
    WorkerConfig config;

    private volatile MongoClient client;
    private volatile boolean indexChecked;

    public MongoCollection<Document> collection() {
        MongoCollection<Document> collection = client().getDatabase(config.mongoDatabase())
                .getCollection(config.mongoCollection());
        if (!indexChecked) {
            ensureStoredAtIndex(collection);
        }
        return collection;
    }

    /**
     * "Newest first" (GET /documents, /stats) sorts on stored_at: with this index MongoDB and DocumentDB
     * read one entry instead of sorting the collection. Creating an existing index is a no-op. An
     * unreachable store is retried on the next call; a server that refuses the index is told once.
     */
    private void ensureStoredAtIndex(MongoCollection<Document> collection) {
        try {
            collection.createIndex(Indexes.descending("stored_at"), new IndexOptions().name("stored_at_desc"));
            indexChecked = true;
        } catch (MongoCommandException e) {
            indexChecked = true;
            LOG.warning("the store refused the stored_at index (" + e.getErrorCodeName()
                    + "): newest-first queries sort in memory");
        } catch (MongoException e) {
            // unreachable: the next call tries again
        }
    }

    /** A round trip to the server; throws when it is unreachable. */
    public void ping() {
        client().getDatabase(config.mongoDatabase()).runCommand(new Document("ping", 1));
    }

    private MongoClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = MongoClients.create(settings(config.mongoUri(), config.mongoTlsCaFile(),
                            config.mongoTimeoutMs()));
                }
            }
        }
        return client;
    }

    /** The client settings of the worker and of the archive restore, from the ca4.mongo.* settings. */
    public static MongoClientSettings settings(String uri, String tlsCaFile, int timeout) {
        MongoClientSettings.Builder b = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeout, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(timeout, TimeUnit.MILLISECONDS)
                        .readTimeout(timeout * 3, TimeUnit.MILLISECONDS));
        if (!tlsCaFile.isBlank()) {
            b.applyToSslSettings(s -> s.enabled(true).context(sslContext(Path.of(tlsCaFile))));
        }
        return b.build();
    }

    /** Trusts every certificate of a PEM bundle (DocumentDB's global-bundle.pem holds many). */
    static SSLContext sslContext(Path pemBundle) {
        try (InputStream in = Files.newInputStream(pemBundle)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load CA bundle " + pemBundle + ": " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
