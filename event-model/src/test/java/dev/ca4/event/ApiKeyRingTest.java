package dev.ca4.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings of a service become one ring: inline keys, a keys file with comments, revoked keys. */
class ApiKeyRingTest {
    @TempDir
    Path tmp;

    @Test
    void loadsInlineKeysAndAKeysFileAndHonoursRevocation() throws Exception {
        Path file = tmp.resolve("keys");
        Files.writeString(file, "# rotated 2026-12\nfile-key\n\nsha256:" + HexFormat.of().formatHex(ApiKeyRing.sha256("hashed-key")) + "\n");
        ApiKeyRing ring = ApiKeyRing.load("inline-a, inline-b", file.toString(), "inline-b");
        assertTrue(ring.accepts("inline-a"));
        assertTrue(ring.accepts("file-key"));
        assertTrue(ring.accepts("hashed-key"));
        assertFalse(ring.accepts("inline-b"), "revoked while still listed");
        assertTrue(ring.isRevoked("inline-b"));
        assertFalse(ring.accepts("# rotated 2026-12"), "a comment is not a key");
        assertEquals(3, ring.count());
        assertEquals(1, ring.revokedCount());
    }

    @Test
    void noKeysRefusesEverythingAndAMissingFileIsNamed() {
        ApiKeyRing empty = ApiKeyRing.load("", "", "");
        assertEquals(0, empty.count());
        assertFalse(empty.accepts(""));
        assertFalse(empty.accepts("anything"));
        var e = assertThrows(UncheckedIOException.class, () -> ApiKeyRing.load("", tmp.resolve("none").toString(), ""));
        assertTrue(e.getMessage().contains("ca4.api.keys-file"), e.getMessage());
    }
}
