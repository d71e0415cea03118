package dev.ca4.processor.api;

import dev.ca4.event.ApiKeyRing;
import dev.ca4.processor.config.ProcessorConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The processor's accepted API keys ({@code ca4.api.keys}, {@code ca4.api.keys-file}, {@code ca4.api.revoked-keys}),
 * matched by the shared {@link ApiKeyRing} (digests only, constant-time comparison, rotation and revocation).
 */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());

    @Inject
    ProcessorConfig config;

    private ApiKeyRing ring = ApiKeyRing.of(List.of(), List.of());

    @PostConstruct
    void load() {
        ring = ApiKeyRing.load(config.apiKeys(), config.apiKeysFile(), config.revokedKeys());
        if (count() == 0) {
            LOG.severe("no API key configured (ca4.api.keys / ca4.api.keys-file): every ingest request gets 401");
        } else {
            LOG.info(count() + " API key(s) accepted, " + ring.revokedCount() + " revoked");
        }
    }

    /** For tests: accepted and revoked entries (plain keys or {@code sha256:<hex>}). */
    static ApiKeys of(List<String> accepted, List<String> revoked) {
        ApiKeys keys = new ApiKeys();
        keys.ring = ApiKeyRing.of(accepted, revoked);
        return keys;
    }

    /** Accepted keys that are not revoked. */
    public int count() {
        return ring.count();
    }

    public boolean accepts(String presented) {
        return match(presented).isPresent();
    }

    /** The accepted key's digest, or empty when the key is missing, unknown or revoked. */
    public Optional<ApiKeyRing.Match> match(String presented) {
        if (ring.isRevoked(presented)) {
            LOG.info("a request with a revoked API key was refused");
        }
        return ring.match(presented);
    }
}
