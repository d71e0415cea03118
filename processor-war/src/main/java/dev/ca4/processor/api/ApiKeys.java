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
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The accepted API keys. Keys are held only as SHA-256 digests (an entry may already be {@code sha256:<hex>}),
 * and a presented key is compared digest-to-digest with {@link MessageDigest#isEqual}, in constant time,
 * against every entry so the time taken does not reveal which key matched.
 */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());
    private static final String HASH_PREFIX = "sha256:";

    @Inject
    ProcessorConfig config;

    private List<byte[]> digests = List.of();

    @PostConstruct
    void load() {
        List<byte[]> loaded = new ArrayList<>();
        Stream.of(config.apiKeys().split(",")).forEach(k -> add(loaded, k));
        if (!config.apiKeysFile().isBlank()) {
            try {
                Files.readAllLines(Path.of(config.apiKeysFile())).forEach(k -> add(loaded, k));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ca4.api.keys-file " + config.apiKeysFile(), e);
            }
        }
        digests = List.copyOf(loaded);
        if (digests.isEmpty()) {
            LOG.severe("no API key configured (ca4.api.keys / ca4.api.keys-file): every ingest request gets 401");
        } else {
            LOG.info(digests.size() + " API key(s) loaded");
        }
    }

    public int count() {
        return digests.size();
    }

    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] candidate = sha256(presented);
        boolean match = false;
        for (byte[] d : digests) {
            match |= MessageDigest.isEqual(d, candidate);
        }
        return match;
    }

    private static void add(List<byte[]> into, String entry) {
        String e = entry.strip();
        if (e.isEmpty() || e.startsWith("#")) {
            return;
        }
        if (e.toLowerCase(Locale.ROOT).startsWith(HASH_PREFIX)) {
            into.add(HexFormat.of().parseHex(e.substring(HASH_PREFIX.length())));
        } else {
            into.add(sha256(e));
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
