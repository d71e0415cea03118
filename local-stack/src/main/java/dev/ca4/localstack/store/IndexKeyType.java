package dev.ca4.localstack.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A unique index's key on an H2 page. H2's default type cannot compare a {@link KeyValue} (it is not
 * {@code Comparable}), so it compared the two keys' Java serializations at every step of every B-tree search:
 * half of the store's CPU in a drain. Here keys compare with MongoDB's value order, and are written as one BSON
 * document ({@code v}: the values, {@code m}: the positions of missing values, which BSON cannot hold).
 */
final class IndexKeyType extends BasicDataType<KeyValue> {
    static final IndexKeyType INSTANCE = new IndexKeyType();

    private IndexKeyType() {
    }

    /**
     * A total order that agrees with {@link KeyValue#equals}: MongoDB's order first; values it ranks equal but
     * that are not equal (an int and a long of the same number) by class, then by their BSON bytes.
     */
    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareValues(Object x, Object y) {
        if (Objects.equals(x, y)) {
            return 0;
        }
        int c = ValueComparator.asc().compare(x, y);
        if (c != 0) {
            return c;
        }
        c = className(x).compareTo(className(y));
        if (c != 0) {
            return c;
        }
        return ByteBuffer.wrap(bytes(x)).compareTo(ByteBuffer.wrap(bytes(y)));
    }

    private static String className(Object value) {
        return value == null ? "" : value.getClass().getName();
    }

    private static byte[] bytes(Object value) {
        WriteBuffer buff = new WriteBuffer(64);
        INSTANCE.write(buff, new KeyValue(value));
        ByteBuffer written = buff.getBuffer().flip();
        byte[] out = new byte[written.remaining()];
        written.get(out);
        return out;
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            if (value instanceof Missing) {
                missing.add(i);
                value = null;
            }
            values.add(value);
        }
        Document encoded = new Document("v", values);
        if (!missing.isEmpty()) {
            encoded.put("m", missing);
        }
        BsonDocumentType.INSTANCE.write(buff, encoded);
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        Document encoded = BsonDocumentType.INSTANCE.read(buff);
        List<Object> values = new ArrayList<>((List<?>) encoded.get("v"));
        Object missing = encoded.get("m");
        if (missing instanceof List<?> positions) {
            for (Object i : positions) {
                values.set(((Number) i).intValue(), Missing.getInstance());
            }
        }
        return new KeyValue(values);
    }

    @Override
    public int getMemory(KeyValue key) {
        long sum = 64;
        for (Object value : key) {
            sum += 8 + BsonDocumentType.estimate(value);
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
