package dev.ca4.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.io.IOException;
import java.util.Arrays;

/**
 * An embedding vector as float32. On the wire (the Kafka topic) it is always written as
 * {@code {"dim": n, "values_b64": "..."}}: little-endian float32, close to the raw 4 bytes a value.
 */
@JsonSerialize(using = Embedding.Base64Serializer.class)
public record Embedding(float[] values) {

    public int dim() {
        return values.length;
    }

    /** Euclidean (L2) norm, accumulated in double precision. */
    public double l2Norm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[dim=" + values.length + "]";
    }

    static final class Base64Serializer extends JsonSerializer<Embedding> {
        @Override
        public void serialize(Embedding e, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("dim", e.dim());
            // Jackson's default variant is standard base64 with padding, no line feeds: the same text as
            // EmbeddingCodec.encodeBase64, written straight into the output without an 11 KB String between.
            gen.writeBinaryField("values_b64", EmbeddingCodec.toBytes(e.values()));
            gen.writeEndObject();
        }
    }
}
