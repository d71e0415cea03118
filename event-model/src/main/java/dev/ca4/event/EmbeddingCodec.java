package dev.ca4.event;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** Little-endian float32 packing of embeddings: the {@code values_b64} field and the archive segments' float32 matrix. */
public final class EmbeddingCodec {

    private EmbeddingCodec() {
    }

    public static byte[] toBytes(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return buf.array();
    }

    /** @throws IllegalArgumentException when the length is not a multiple of 4 */
    public static float[] fromBytes(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("float32 data must be a multiple of 4 bytes, got " + bytes.length);
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    public static String encodeBase64(float[] values) {
        return Base64.getEncoder().encodeToString(toBytes(values));
    }

    /** @throws IllegalArgumentException when the text is not base64 */
    public static byte[] decodeBase64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
