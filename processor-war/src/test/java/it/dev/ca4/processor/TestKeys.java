package it.dev.ca4.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extra API keys the integration tests need, configured on the servers by `make test-java` (Makefile,
 * IT_ENV): a second accepted key (rotation), a revoked one (also listed as accepted), and one with its own low
 * rate limit of 1 event/s, burst 10 ({@code ca4.api.rate-limit.per-key}).
 */
final class TestKeys {
    static final String SECOND = "ca4-it-second-key";
    static final String REVOKED = "ca4-it-revoked-key";
    static final String LIMITED = "ca4-it-limited-key";
    static final int LIMITED_BURST = 10;

    private TestKeys() {
    }

    static void requireConfigured() {
        String keys = System.getenv().getOrDefault("CA4_API_KEYS", "");
        assertTrue(keys.contains(SECOND) && keys.contains(REVOKED) && keys.contains(LIMITED),
                "the test keys are not configured: run the tests through `make test` (Makefile IT_ENV)");
    }
}
