package dev.ca4.localstack.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The one place that decides how each H2 map of the store file is typed (H2 keeps no type in the file, so
 * every opener must agree): a collection's documents as BSON, a unique index's keys with {@link IndexKeyType},
 * everything else (ids, positions, collection metadata) with H2's default type. The map names are
 * mongo-java-server's: {@code databases.<db>.<coll>}, {@code <db>.<coll>._index_<name>}, {@code meta.<db>.<coll>}.
 */
final class StoreMaps {
    static final String DATA_PREFIX = "databases.";
    static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";

    private StoreMaps() {
    }

    static MVMap<Object, Document> data(MVStore store, String fullCollectionName) {
        return store.openMap(DATA_PREFIX + fullCollectionName,
                new MVMap.Builder<Object, Document>().keyType(new ObjectDataType()).valueType(BsonDocumentType.INSTANCE));
    }

    static MVMap<String, Object> meta(MVStore store, String fullCollectionName) {
        return store.openMap(META_PREFIX + fullCollectionName);
    }

    static MVMap<KeyValue, Object> index(MVStore store, String fullCollectionName, String indexName) {
        return store.openMap(fullCollectionName + INDEX_INFIX + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE).valueType(new ObjectDataType()));
    }

    /** Any map of the file by its name, typed as above (for copying a whole file). */
    @SuppressWarnings("unchecked")
    static MVMap<Object, Object> byName(MVStore store, String name) {
        if (name.startsWith(DATA_PREFIX)) {
            return (MVMap<Object, Object>) (MVMap<?, ?>) data(store, name.substring(DATA_PREFIX.length()));
        }
        int index = name.indexOf(INDEX_INFIX);
        if (index >= 0 && !name.startsWith(META_PREFIX)) {
            return (MVMap<Object, Object>) (MVMap<?, ?>) index(store, name.substring(0, index),
                    name.substring(index + INDEX_INFIX.length()));
        }
        return store.openMap(name);
    }
}
