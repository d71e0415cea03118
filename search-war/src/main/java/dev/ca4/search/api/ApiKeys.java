package dev.ca4.search.api;

import dev.ca4.event.ApiKeyRing;
import dev.ca4.search.config.SearchConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
        ring = ApiKeyRing.load(config.apiKeys(), config.apiKeysFile(), config.revokedKeys());
        if (ring.count() == 0) {
            LOG.severe("no API key configured (ca4.api.keys / ca4.api.keys-file): every search request gets 401");
        }
    }

    public boolean accepts(String presented) {
        return ring.accepts(presented);
    }
}
