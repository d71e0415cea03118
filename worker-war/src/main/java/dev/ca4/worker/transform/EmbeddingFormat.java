package dev.ca4.worker.transform;

import org.bson.BinaryVector;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.Float32BinaryVector;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code embedding.values} is stored ({@code ca4.store.embedding-format}, docs/embedding-storage.md):
 * {@code binary} = BSON binary subtype 9 (vector), float32, 4 bytes a value, what MongoDB Atlas indexes;
 * {@code array} = an array of doubles, ~13 bytes a value, the only form Amazon DocumentDB's vector search reads
 * (and indexes only up to 2,000 dimensions).
 */
public enum EmbeddingFormat {
    BINARY, ARRAY;

    public static EmbeddingFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ca4.store.embedding-format must be binary or array, not '" + name + "'");
        }
    }

    public Object encode(float[] values) {
        if (this == BINARY) {
            return new Binary(BsonBinarySubType.VECTOR.getValue(), new BsonBinary(BinaryVector.floatVector(values))
                    .getData());
        }
        List<Double> list = new ArrayList<>(values.length);
        for (float f : values) {
            list.add((double) f); // exact: every float32 is a double
        }
        return list;
    }

    /** The stored values as numbers, whichever form they were stored in (the read API answers with these). */
    public static List<Double> asNumbers(Object stored) {
        if (stored instanceof Binary b && b.getType() == BsonBinarySubType.VECTOR.getValue()) {
            Float32BinaryVector v = new BsonBinary(b.getType(), b.getData()).asVector().asFloat32Vector();
            float[] values = v.getData();
            List<Double> list = new ArrayList<>(values.length);
            for (float f : values) {
                list.add((double) f);
            }
            return list;
        }
        @SuppressWarnings("unchecked")
        List<Number> numbers = (List<Number>) stored;
        List<Double> list = new ArrayList<>(numbers.size());
        numbers.forEach(n -> list.add(n.doubleValue()));
        return list;
    }
}
