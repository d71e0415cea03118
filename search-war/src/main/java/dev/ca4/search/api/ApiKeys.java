package dev.ca4.search.api;

import dev.ca4.event.ApiKeyRing;
import dev.ca4.search.config.SearchConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** The same API keys as the processor's (ca4.api.keys, ca4.api.keys-file, ca4.api.revoked-keys). */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());

    @Inject
    SearchConfig config;

    private ApiKeyRing ring;

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
        ring = ApiKeyRing.of(entries, List.of(config.revokedKeys().split(",")));
        if (ring.count() == 0) {
            LOG.severe("no API key configured (ca4.api.keys / ca4.api.keys-file): every search request gets 401");
        }
    }

    public boolean accepts(String presented) {
        return ring.accepts(presented);
    }
}
