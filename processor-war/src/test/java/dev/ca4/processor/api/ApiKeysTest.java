package dev.ca4.processor.api;

import dev.ca4.event.ApiKeyRing;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {
    private static String hashed(String key) {
        return "sha256:" + HexFormat.of().formatHex(ApiKeyRing.sha256(key));
    }

    @Test
    void acceptsEveryListedKeyPlainOrHashedSoKeysCanBeRotated() {
        ApiKeys keys = ApiKeys.of(List.of("old-key", hashed("new-key")), List.of());
        assertTrue(keys.accepts("old-key"));
        assertTrue(keys.accepts("new-key"));
        assertFalse(keys.accepts("other"));
        assertFalse(keys.accepts(""));
        assertFalse(keys.accepts(null));
        assertEquals(2, keys.count());
    }

    @Test
    void revokedKeyIsRefusedEvenWhileStillListedAsAccepted() {
        ApiKeys keys = ApiKeys.of(List.of("old-key", "new-key"), List.of(hashed("old-key")));
        assertFalse(keys.accepts("old-key"));
        assertTrue(keys.accepts("new-key"));
        assertEquals(1, keys.count(), "a revoked key does not count as usable");
        assertFalse(ApiKeys.of(List.of("k"), List.of("k")).accepts("k"), "a plain revoked entry works too");
    }

    @Test
    void eachKeyIsNamedByItsDigestNeverByItself() {
        ApiKeys keys = ApiKeys.of(List.of("key-a", "key-b"), List.of());
        String a = keys.match("key-a").orElseThrow().digestHex();
        assertEquals(HexFormat.of().formatHex(ApiKeyRing.sha256("key-a")), a);
        assertNotEquals(a, keys.match("key-b").orElseThrow().digestHex());
        assertFalse(a.contains("key-a"));
    }

    @Test
    void aHashEntryOfTheWrongLengthIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.of(List.of("sha256:abcd"), List.of()));
    }
}
