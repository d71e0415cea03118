package dev.ca4.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each parser limit refuses a body while it is parsed and names itself; the largest valid event still fits. */
class EventJsonLimitsTest {
    private final EventValidator validator = new EventValidator();

    private static EventJson.LimitExceededException refused(String body) {
        return assertThrows(EventJson.LimitExceededException.class,
                () -> EventJson.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theLargestAllowedEmbeddingFitsInBothForms() {
        ObjectNode b64 = SampleEvents.withBase64(UUID.randomUUID(), EventValidator.MAX_DIM, new Random(1));
        assertTrue(validator.validate(EventJson.parse(b64.toString().getBytes())).valid());
        ObjectNode values = SampleEvents.withValues(UUID.randomUUID(), EventValidator.MAX_DIM, new Random(1));
        assertTrue(validator.validate(EventJson.parse(values.toString().getBytes())).valid());
    }

    @Test
    void stringOverMaxStringLength() {
        var e = refused("{\"image\":{\"id\":\"" + "x".repeat(EventJson.MAX_STRING_LENGTH + 1) + "\"}}");
        assertEquals("max-string-length", e.limit());
        assertTrue(e.getMessage().contains("String value length") && e.getMessage().contains("(65536)"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }

    @Test
    void numberOverMaxNumberLength() {
        assertEquals("max-number-length", refused("{\"dim\":1" + "0".repeat(EventJson.MAX_NUMBER_LENGTH) + "}").limit());
    }

    @Test
    void nameOverMaxNameLength() {
        assertEquals("max-name-length", refused("{\"" + "k".repeat(EventJson.MAX_NAME_LENGTH + 1) + "\":1}").limit());
    }

    @Test
    void nestingOverMaxNestingDepth() {
        int depth = EventJson.MAX_NESTING_DEPTH + 1;
        assertEquals("max-nesting-depth", refused("[".repeat(depth) + "]".repeat(depth)).limit());
        // exactly at the limit is still JSON
        int ok = EventJson.MAX_NESTING_DEPTH;
        EventJson.parse(("[".repeat(ok) + "]".repeat(ok)).getBytes());
    }

    @Test
    void valuesArrayLongerThanTheLargestDimIsRefusedWhileParsing() {
        ObjectNode event = SampleEvents.withValues(UUID.randomUUID(), 8, new Random(2));
        ArrayNode values = ((ObjectNode) event.get("embedding")).putArray("values");
        for (int i = 0; i <= EventJson.MAX_ARRAY_ELEMENTS; i++) {
            values.add(0.5);
        }
        var e = refused(event.toString());
        assertEquals("max-array-elements", e.limit());
        assertTrue(e.getMessage().contains("(8193)") && e.getMessage().contains("(8192)"), e.getMessage());
    }

    @Test
    void arrayLimitCountsNestedContainersAndEveryArray() {
        assertEquals("max-array-elements", refused("[" + "{},".repeat(EventJson.MAX_ARRAY_ELEMENTS) + "{}]").limit());
        assertEquals("max-array-elements", refused("{\"a\":[[" + "1,".repeat(EventJson.MAX_ARRAY_ELEMENTS)
                + "1]]}").limit());
        EventJson.parse(("[" + "1,".repeat(EventJson.MAX_ARRAY_ELEMENTS - 1) + "1]").getBytes());
    }

    @Test
    void theCountingParserKeepsTheMappersOtherChecks() {
        assertThrows(EventJson.MalformedJsonException.class, () -> EventJson.parse("{} {}".getBytes()));
        assertThrows(EventJson.MalformedJsonException.class, () -> EventJson.parse("{\"a\":1,\"a\":2}".getBytes()));
        assertThrows(EventJson.MalformedJsonException.class, () -> EventJson.parse(new byte[0]));
        assertEquals(3, EventJson.parse("[1,[2],{\"b\":[3]}]".getBytes()).size());
    }

    @Test
    void aLimitIsAlsoAMalformedJsonExceptionForCallersThatNeedNotTell() {
        assertThrows(EventJson.MalformedJsonException.class,
                () -> EventJson.parse(("[" + "1,".repeat(EventJson.MAX_ARRAY_ELEMENTS) + "1]").getBytes()));
    }
}
