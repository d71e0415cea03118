package dev.ca4.worker.transform;

import org.bson.Document;
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
    void binaryIsABsonFloat32VectorReadBackExactly() {
        Object stored = EmbeddingFormat.BINARY.encode(VALUES);
        Binary b = assertInstanceOf(Binary.class, stored);
        assertEquals(9, b.getType());
        assertEquals(List.of(0.1f, -2.5f, 3.4028235e38f, 1.4e-45f).stream().map(Float::doubleValue).toList(),
                EmbeddingFormat.asNumbers(stored));
    }

    @Test
    void arrayIsDoublesReadBackTheSame() {
        Object stored = EmbeddingFormat.ARRAY.encode(VALUES);
        assertEquals(EmbeddingFormat.asNumbers(EmbeddingFormat.BINARY.encode(VALUES)), EmbeddingFormat.asNumbers(stored));
    }

    @Test
    void binaryIsAboutThreeTimesSmallerThanTheArray() {
        float[] v = new float[2048];
        int binary = bsonBytes(EmbeddingFormat.BINARY.encode(v));
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
