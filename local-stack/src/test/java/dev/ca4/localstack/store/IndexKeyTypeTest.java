package dev.ca4.localstack.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexKeyTypeTest {
    private final IndexKeyType type = IndexKeyType.INSTANCE;

    @Test
    void keysOrderAsMongoDbOrdersTheirValues() {
        assertTrue(type.compare(new KeyValue("seg-1", 2), new KeyValue("seg-1", 10)) < 0);
        assertTrue(type.compare(new KeyValue("seg-2", 0), new KeyValue("seg-1", 10)) > 0);
        assertTrue(type.compare(new KeyValue(5), new KeyValue("5")) < 0); // numbers before strings
        assertEquals(0, type.compare(new KeyValue("seg-1", 2), new KeyValue("seg-1", 2)));
    }

    @Test
    void valuesMongoDbRanksEqualButThatAreNotEqualAreDistinctKeys() {
        KeyValue anInt = new KeyValue(5);
        KeyValue aLong = new KeyValue(5L);
        assertNotEquals(anInt, aLong);
        int c = type.compare(anInt, aLong);
        assertNotEquals(0, c);
        assertEquals(-Integer.signum(c), Integer.signum(type.compare(aLong, anInt)));
    }

    @Test
    void aKeyRoundTripsWithItsMissingAndNullValuesApart() {
        KeyValue key = new KeyValue(List.of("seg-1", Missing.getInstance(), 3L));
        KeyValue withNull = new KeyValue(java.util.Arrays.asList("seg-1", null, 3L));

        assertEquals(key, roundTrip(key));
        assertEquals(withNull, roundTrip(withNull));
        assertNotEquals(roundTrip(key), roundTrip(withNull));
    }

    private KeyValue roundTrip(KeyValue key) {
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, key);
        return type.read(buff.getBuffer().flip());
    }
}
