package dev.ca4.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.Map;

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

    /** Deepest nesting of objects and arrays (an event needs 3): a hostile body cannot blow the stack. */
    public static final int MAX_NESTING_DEPTH = 64;
    /**
     * Longest string value, in chars: {@code values_b64} of the largest embedding ({@link EventValidator#MAX_DIM}
     * float32 values = 32 KiB, 43,692 base64 chars) fits with 50% headroom.
     */
    public static final int MAX_STRING_LENGTH = 65_536;
    /** Longest number literal, in chars (a double needs at most 24). */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest property name, in chars. */
    public static final int MAX_NAME_LENGTH = 1_024;
    /**
     * Most elements of one array, counted while parsing (Jackson has no such constraint): a {@code values}
     * array is refused at element {@link EventValidator#MAX_DIM} + 1, before the rest is read into the tree.
     * A batch array has its own, lower limit in the processor (ca4.api.max-batch-size, checked after parsing).
     */
    public static final int MAX_ARRAY_ELEMENTS = EventValidator.MAX_DIM;
    /**
     * Longest document, in bytes: a backstop twice the processor's largest body (ca4.api.max-batch-bytes,
     * 32 MiB), which it enforces before parsing while reading the body.
     */
    public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

    private static final Map<String, String> JACKSON_LIMITS = Map.of(
            "getMaxNestingDepth", "max-nesting-depth",
            "getMaxStringLength", "max-string-length",
            "getMaxNumberLength", "max-number-length",
            "getMaxNameLength", "max-name-length",
            "getMaxDocumentLength", "max-document-length",
            "getMaxTokenCount", "max-token-count",
            "maxArrayElements", "max-array-elements");

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .build());
    }

    private EventJson() {
    }

    /** @throws MalformedJsonException with the parser's location when the bytes are not one JSON value */
    public static JsonNode parse(byte[] body) {
        try (JsonParser parser = new ArrayLimitingParser(MAPPER.getFactory().createParser(body))) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("body is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            String limit = JACKSON_LIMITS.entrySet().stream().filter(l -> e.getOriginalMessage().contains(l.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("json-limit");
            throw new LimitExceededException(limit, e.getOriginalMessage()
                    .replaceAll(", from `[^`]*`", "")
                    + location(e));
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            // Reading a byte array does no I/O: this is the decoder refusing the bytes (e.g. a body
            // that Jackson detects as UTF-32 but is not; found by EventParserFuzzTest).
            throw new MalformedJsonException("not a JSON text in a Unicode encoding: " + e.getMessage());
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** Counts the elements of every array as the parser reads them; one too many ends the parse. */
    private static final class ArrayLimitingParser extends JsonParserDelegate {
        ArrayLimitingParser(JsonParser d) {
            super(d);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (t != null && t != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT && t != JsonToken.FIELD_NAME) {
                JsonStreamContext ctx = delegate.getParsingContext();
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    ctx = ctx.getParent();
                }
                if (ctx != null && ctx.inArray() && ctx.getCurrentIndex() >= MAX_ARRAY_ELEMENTS) {
                    throw new StreamConstraintsException("Array length (" + (ctx.getCurrentIndex() + 1)
                            + ") exceeds the maximum allowed (" + MAX_ARRAY_ELEMENTS + ", from `maxArrayElements`)",
                            delegate.currentTokenLocation());
                }
            }
            return t;
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
    public static class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }

    /**
     * Thrown when a body breaks one of the parser's limits ({@link #MAX_STRING_LENGTH}, ...): the processor
     * answers 413 naming {@link #limit()}. A {@link MalformedJsonException} for callers that need not tell.
     */
    public static final class LimitExceededException extends MalformedJsonException {
        private final String limit;

        public LimitExceededException(String limit, String message) {
            super(message);
            this.limit = limit;
        }

        /** The limit's name: max-string-length, max-number-length, max-nesting-depth, max-array-elements, ... */
        public String limit() {
            return limit;
        }
    }
}
