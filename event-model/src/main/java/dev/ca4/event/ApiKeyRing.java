package dev.ca4.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The accepted API keys of every service that takes them (the processor, the search service). Keys are held only
 * as SHA-256 digests (an entry may already be {@code sha256:<hex>}), and a presented key is compared digest to
 * digest with {@link MessageDigest#isEqual}, in constant time, against every entry (accepted and revoked) so the
 * time taken does not reveal which key matched. Several keys are accepted at once (rotation: add the new key,
 * move producers, then revoke the old one); a revoked key is refused even while it is still listed as accepted.
 * Blank entries and entries starting with {@code #} are ignored (a keys file may carry comments).
 */
public final class ApiKeyRing {
    private static final String HASH_PREFIX = "sha256:";

    private final List<byte[]> digests;
    private final List<byte[]> revoked;

    /** A key that was accepted: only its digest, which names it (never logged). */
    public record Match(String digestHex) {
    }

    /** What a presented key turned out to be. */
    public enum Verdict { ACCEPTED, REVOKED, UNKNOWN }

    private ApiKeyRing(List<byte[]> digests, List<byte[]> revoked) {
        this.digests = digests;
        this.revoked = revoked;
    }

    /** Accepted and revoked entries: plain keys or {@code sha256:<hex>}. */
    public static ApiKeyRing of(List<String> accepted, List<String> revokedEntries) {
        List<byte[]> r = List.copyOf(digests(revokedEntries));
        // A revoked key listed as accepted stays out of the count: it can never be used.
        List<byte[]> a = List.copyOf(digests(accepted).stream()
                .filter(d -> r.stream().noneMatch(x -> MessageDigest.isEqual(x, d))).toList());
        return new ApiKeyRing(a, r);
    }

    /**
     * The ring a service's settings describe: {@code keys} and {@code revoked} comma-separated, {@code keysFile} (may
     * be blank) one entry per line, e.g. a mounted Kubernetes Secret.
     */
    public static ApiKeyRing load(String keys, String keysFile, String revoked) {
        List<String> entries = new ArrayList<>(List.of(keys.split(",")));
        if (!keysFile.isBlank()) {
            try {
                entries.addAll(java.nio.file.Files.readAllLines(java.nio.file.Path.of(keysFile)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read ca4.api.keys-file " + keysFile, e);
            }
        }
        return of(entries, List.of(revoked.split(",")));
    }

    /** Accepted keys that are not revoked. */
    public int count() {
        return digests.size();
    }

    public int revokedCount() {
        return revoked.size();
    }

    public boolean accepts(String presented) {
        return match(presented).isPresent();
    }

    /** The accepted key's digest, or empty when the key is missing, unknown or revoked. */
    public Optional<Match> match(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = sha256(presented);
        byte[] matched = null;
        for (byte[] d : digests) {
            if (MessageDigest.isEqual(d, candidate)) {
                matched = d;
            }
        }
        return isRevoked(candidate) || matched == null ? Optional.empty()
                : Optional.of(new Match(HexFormat.of().formatHex(matched)));
    }

    /** Whether the presented key is a revoked one (for a log line; the caller's answer stays the same). */
    public boolean isRevoked(String presented) {
        return presented != null && !presented.isEmpty() && isRevoked(sha256(presented));
    }

    private boolean isRevoked(byte[] candidate) {
        boolean isRevoked = false;
        for (byte[] d : revoked) {
            isRevoked |= MessageDigest.isEqual(d, candidate);
        }
        return isRevoked;
    }

    private static List<byte[]> digests(List<String> entries) {
        List<byte[]> into = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (!e.isEmpty() && !e.startsWith("#")) {
                into.add(digestOf(e));
            }
        }
        return into;
    }

    /** The digest an entry stands for: {@code sha256:<hex>} as given, a plain key hashed. */
    public static byte[] digestOf(String entry) {
        if (entry.toLowerCase(Locale.ROOT).startsWith(HASH_PREFIX)) {
            byte[] d = HexFormat.of().parseHex(entry.substring(HASH_PREFIX.length()));
            if (d.length != 32) {
                throw new IllegalArgumentException("a sha256: entry needs 64 hex digits");
            }
            return d;
        }
        return sha256(entry);
    }

    public static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
