package dev.ca4.processor.api;

import dev.ca4.processor.config.ProcessorConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The accepted API keys. Keys are held only as SHA-256 digests (an entry may already be {@code sha256:<hex>}),
 * and a presented key is compared digest-to-digest with {@link MessageDigest#isEqual}, in constant time,
 * against every entry (accepted and revoked) so the time taken does not reveal which key matched.
 * Several keys are accepted at once (rotation: add the new key, move producers, then revoke the old one);
 * a revoked key ({@code ca4.api.revoked-keys}) is refused even while it is still listed as accepted.
 */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());
    private static final String HASH_PREFIX = "sha256:";

    @Inject
    ProcessorConfig config;

    private List<byte[]> digests = List.of();
    private List<byte[]> revoked = List.of();

    /** A key that was accepted: only its digest, which names it for the rate limiter (never logged). */
    public record Match(String digestHex) {
    }

    @PostConstruct
    void load() {
        List<String> entries = new ArrayList<>(List.of(config.apiKeys().split(",")));
        if (!config.apiKeysFile().isBlank()) {
            try {
                entries.addAll(Files.readAllLines(Path.of(config.apiKeysFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ca4.api.keys-file " + config.apiKeysFile(), e);
            }
        }
        set(entries, List.of(config.revokedKeys().split(",")));
        if (count() == 0) {
            LOG.severe("no API key configured (ca4.api.keys / ca4.api.keys-file): every ingest request gets 401");
        } else {
            LOG.info(count() + " API key(s) accepted, " + revoked.size() + " revoked");
        }
    }

    /** For tests and {@link #load()}: accepted and revoked entries (plain keys or {@code sha256:<hex>}). */
    static ApiKeys of(List<String> accepted, List<String> revoked) {
        ApiKeys keys = new ApiKeys();
        keys.set(accepted, revoked);
        return keys;
    }

    private void set(List<String> accepted, List<String> revokedEntries) {
        List<byte[]> r = digests(revokedEntries);
        revoked = List.copyOf(r);
        // A revoked key listed as accepted stays out of the count: it can never be used.
        digests = List.copyOf(digests(accepted).stream()
                .filter(d -> r.stream().noneMatch(x -> MessageDigest.isEqual(x, d))).toList());
    }

    /** Accepted keys that are not revoked. */
    public int count() {
        return digests.size();
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
        boolean isRevoked = false;
        for (byte[] d : revoked) {
            isRevoked |= MessageDigest.isEqual(d, candidate);
        }
        if (isRevoked) {
            LOG.info("a request with a revoked API key was refused");
            return Optional.empty();
        }
        return matched == null ? Optional.empty() : Optional.of(new Match(HexFormat.of().formatHex(matched)));
    }

    private static List<byte[]> digests(List<String> entries) {
        List<byte[]> into = new ArrayList<>();
        Stream.of(entries.toArray(String[]::new)).forEach(k -> add(into, k));
        return into;
    }

    private static void add(List<byte[]> into, String entry) {
        String e = entry.strip();
        if (e.isEmpty() || e.startsWith("#")) {
            return;
        }
        into.add(digestOf(e));
    }

    /** The digest an entry stands for: {@code sha256:<hex>} as given, a plain key hashed. */
    static byte[] digestOf(String entry) {
        if (entry.toLowerCase(Locale.ROOT).startsWith(HASH_PREFIX)) {
            byte[] d = HexFormat.of().parseHex(entry.substring(HASH_PREFIX.length()));
            if (d.length != 32) {
                throw new IllegalArgumentException("a sha256: entry needs 64 hex digits");
            }
            return d;
        }
        return sha256(entry);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
