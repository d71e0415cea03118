package dev.ca4.worker.transform;

import dev.ca4.event.EmbeddingCodec;
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
 * {@code vector} = BSON binary subtype 9 (vector, float32), 4 bytes a value, what MongoDB Atlas indexes;
 * {@code binary} = the same little-endian float32 bytes as generic binary (subtype 0), which every server stores
 * (the local store, mongo-java-server 1.47, refuses subtype 9);
 * {@code array} = an array of doubles, ~11 bytes a value, the only form Amazon DocumentDB's vector search reads
 * (and indexes only up to 2,000 dimensions).
 */
public enum EmbeddingFormat {
    VECTOR, BINARY, ARRAY;

    public static EmbeddingFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ca4.store.embedding-format must be vector, binary or array, not '"
                    + name + "'");
        }
    }

    /**
     * The value to store. Binary forms are a {@link BsonBinary}, which the driver encodes from its own array;
     * {@code org.bson.types.Binary} would copy the 8 KB once when built and again when encoded.
     */
    public Object encode(float[] values) {
        if (this == VECTOR) {
            return new BsonBinary(BinaryVector.floatVector(values));
        }
        if (this == BINARY) {
            return new BsonBinary(BsonBinarySubType.BINARY, EmbeddingCodec.toBytes(values));
        }
        return doubles(values);
    }

    /**
     * The stored values as numbers, whichever form they were stored in (the read API answers with these): a
     * document read back holds a {@link Binary} (subtype 0) or, for a BSON vector, the driver's
     * {@link Float32BinaryVector}; one just built a {@link BsonBinary}.
     */
    public static List<Double> asNumbers(Object stored) {
        if (stored instanceof Float32BinaryVector v) {
            return doubles(v.getData());
        }
        if (stored instanceof BsonBinary b) {
            return asNumbers(new Binary(b.getType(), b.getData()));
        }
        if (stored instanceof Binary b) {
            float[] values = b.getType() == BsonBinarySubType.VECTOR.getValue()
                    ? new BsonBinary(b.getType(), b.getData()).asVector().asFloat32Vector().getData()
                    : EmbeddingCodec.fromBytes(b.getData());
            return doubles(values);
        }
        @SuppressWarnings("unchecked")
        List<Number> numbers = (List<Number>) stored;
        List<Double> list = new ArrayList<>(numbers.size());
        numbers.forEach(n -> list.add(n.doubleValue()));
        return list;
    }

    private static List<Double> doubles(float[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (float f : values) {
            list.add((double) f); // exact: every float32 is a double
        }
        return list;
    }
}
