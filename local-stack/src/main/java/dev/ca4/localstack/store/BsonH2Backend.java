package dev.ca4.localstack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;

/**
 * mongo-java-server's H2 backend (one file, kept across stops) with documents and index keys stored as BSON
 * instead of Java serialization: see docs/local-store.md for the measurement and the file's format.
 */
public final class BsonH2Backend extends H2Backend {

    private BsonH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Opens (or creates) the store file; when it does not exist yet and {@code legacy}, a file in the library's
     * own format, does, that file's data is copied into it first (the legacy file is kept, renamed).
     */
    public static BsonH2Backend open(Path file, Path legacy) {
        LegacyStoreMigration.migrate(legacy, file);
        return new BsonH2Backend(MVStore.open(file.toString()));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
