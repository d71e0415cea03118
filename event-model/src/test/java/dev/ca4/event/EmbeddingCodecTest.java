package dev.ca4.event;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddingCodecTest {

    @Test
    void packsLittleEndianFloat32() {
        byte[] bytes = EmbeddingCodec.toBytes(new float[]{1.0f});
        // 1.0f = 0x3F800000, little-endian: 00 00 80 3F
        assertArrayEquals(new byte[]{0, 0, (byte) 0x80, 0x3F}, bytes);
    }

    @Test
    void base64RoundTripKeepsEveryBit() {
        float[] v = {0f, -0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, -123.456f};
        assertArrayEquals(v, EmbeddingCodec.fromBytes(EmbeddingCodec.decodeBase64(EmbeddingCodec.encodeBase64(v))));
    }

    @Test
    void topicFormWritesTheSameBase64AsTheCodec() throws Exception {
        float[] v = SampleEvents.randomVector(2048, new java.util.Random(7));
        String json = EventJson.MAPPER.writeValueAsString(new Embedding(v));
        assertEquals("{\"dim\":2048,\"values_b64\":\"" + EmbeddingCodec.encodeBase64(v) + "\"}", json);
    }

    @Test
    void numberArrayParsesBackToTheSameFloats() throws Exception {
        float[] v = SampleEvents.randomVector(2048, new java.util.Random(11));
        byte[] body = EventJson.MAPPER.writeValueAsBytes(SampleEvents.withValues(null, 2048, new java.util.Random(11)));
        com.fasterxml.jackson.databind.JsonNode values = EventJson.parse(body).get("embedding").get("values");
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], (float) values.get(i).doubleValue());
        }
    }

    @Test
    void rejectsPartialFloat() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddingCodec.fromBytes(new byte[5]));
    }

    @Test
    void l2NormOfThreeFourIsFive() {
        assertEquals(5.0, new Embedding(new float[]{3f, 4f}).l2Norm(), 1e-12);
    }
}
