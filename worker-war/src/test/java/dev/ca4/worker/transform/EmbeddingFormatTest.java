package dev.ca4.worker.transform;

import org.bson.BsonBinary;
import org.bson.Document;
import org.bson.Float32BinaryVector;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingFormatTest {
    private static final float[] VALUES = {0.1f, -2.5f, 3.4028235e38f, 1.4e-45f};

    private static int bsonBytes(Object values) {
        return new RawBsonDocument(new Document("values", values), new DocumentCodec()).getByteBuffer().remaining();
    }

    @Test
    void vectorIsABsonFloat32VectorReadBackExactly() {
        Object stored = EmbeddingFormat.VECTOR.encode(VALUES);
        BsonBinary b = assertInstanceOf(BsonBinary.class, stored);
        assertEquals(9, b.getType());
        assertEquals(2 + 4 * VALUES.length, b.getData().length, "dtype + padding bytes, then float32 values");
        assertEquals(List.of(0.1f, -2.5f, 3.4028235e38f, 1.4e-45f).stream().map(Float::doubleValue).toList(),
                EmbeddingFormat.asNumbers(stored));
    }

    @Test
    void binaryIsGenericLittleEndianFloat32ReadBackTheSame() {
        BsonBinary b = assertInstanceOf(BsonBinary.class, EmbeddingFormat.BINARY.encode(VALUES));
        assertEquals(0, b.getType());
        assertEquals(4 * VALUES.length, b.getData().length);
        assertEquals(EmbeddingFormat.asNumbers(EmbeddingFormat.VECTOR.encode(VALUES)), EmbeddingFormat.asNumbers(b));
    }

    @Test
    void storedFormsReadBackFromTheStoreGiveTheSameNumbers() {
        for (EmbeddingFormat f : List.of(EmbeddingFormat.VECTOR, EmbeddingFormat.BINARY)) {
            Document readBack = new RawBsonDocument(new Document("values", f.encode(VALUES)), new DocumentCodec())
                    .decode(new DocumentCodec()); // as the driver hands a stored document back
            Object values = readBack.get("values"); // Binary for subtype 0, the driver decodes subtype 9 to a vector
            Class<?> expected = f == EmbeddingFormat.VECTOR ? Float32BinaryVector.class : Binary.class;
            assertInstanceOf(expected, values);
            assertEquals(EmbeddingFormat.asNumbers(f.encode(VALUES)), EmbeddingFormat.asNumbers(values), f.name());
        }
    }

    @Test
    void arrayIsDoublesReadBackTheSame() {
        Object stored = EmbeddingFormat.ARRAY.encode(VALUES);
        assertEquals(EmbeddingFormat.asNumbers(EmbeddingFormat.VECTOR.encode(VALUES)), EmbeddingFormat.asNumbers(stored));
    }

    @Test
    void vectorIsAboutThreeTimesSmallerThanTheArray() {
        float[] v = new float[2048];
        int binary = bsonBytes(EmbeddingFormat.VECTOR.encode(v));
        int array = bsonBytes(EmbeddingFormat.ARRAY.encode(v));
        assertTrue(binary < 2048 * 4 + 64, "binary " + binary);
        assertTrue(array > 3 * binary, "array " + array + " vs binary " + binary);
    }

    @Test
    void unknownFormatIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddingFormat.parse("bson"));
        assertTrue(e.getMessage().contains("ca4.store.embedding-format"), e.getMessage());
    }
}
