package dev.ca4.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/** The one JSON codec of the event schema: parse to a tree (for the validator) and write the topic form. */
public final class EventJson {

    /** Thread-safe once configured; shared by every caller. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // An embedding sent as a number array is 2048 doubles to parse: the fast parser (same results,
            // exact) took parsing of such a body from ~220 to ~150 µs here (make bench, ingest "values").
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    static {
        // Bounded nesting so a hostile body cannot blow the stack.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private EventJson() {
    }

    /** @throws MalformedJsonException with the parser's location when the bytes are not one JSON value */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            // Reading a byte array does no I/O: this is the decoder refusing the bytes (e.g. a body
            // that Jackson detects as UTF-32 but is not; found by EventParserFuzzTest).
            throw new MalformedJsonException("not a JSON text in a Unicode encoding: " + e.getMessage());
        }
    }

    /** The topic form: snake_case, embedding as {@code values_b64}. */
    public static byte[] toBytes(GpuMetadataEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialized", e);
        }
    }

    public static String toJson(GpuMetadataEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialized", e);
        }
    }

    /** Thrown when a body is not well-formed JSON. */
    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
