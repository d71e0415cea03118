package dev.ca4.localstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 database with its maps typed by {@link StoreMaps} (the library's own H2 database opens
 * them with H2's default type and gives no way to change it). Collections are the library's {@link H2Collection}.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {
    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return new BsonUniqueIndex(StoreMaps.index(store, getFullCollectionNamespace(collectionName), indexName),
                indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String full = getFullCollectionNamespace(collectionName);
        return new H2Collection(this, collectionName, options, StoreMaps.data(store, full),
                StoreMaps.meta(store, full), cursorRegistry);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(StoreMaps.index(store, collection.getFullName(), indexName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        String name = getDatabaseName();
        for (String map : List.copyOf(store.getMapNames())) {
            if (map.startsWith(name + ".") || map.startsWith(StoreMaps.DATA_PREFIX + name + ".")
                    || map.startsWith(StoreMaps.META_PREFIX + name + ".")) {
                store.removeMap(StoreMaps.byName(store, map));
            }
        }
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String full = getFullCollectionNamespace(collectionName);
        store.removeMap(StoreMaps.data(store, full));
        store.removeMap(StoreMaps.meta(store, full));
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String from = collection.getFullName();
        String to = getFullCollectionNamespace(newCollectionName);
        store.renameMap(StoreMaps.data(store, from), StoreMaps.DATA_PREFIX + to);
        store.renameMap(StoreMaps.meta(store, from), StoreMaps.META_PREFIX + to);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> file = store.getFileStore();
        return file == null ? 0 : file.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
