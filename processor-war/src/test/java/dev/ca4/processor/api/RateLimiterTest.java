package dev.ca4.processor.api;

import dev.ca4.event.ApiKeyRing;
import dev.ca4.processor.api.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token buckets themselves; the HTTP answer (429 + Retry-After) is proven against Liberty in RateLimitIT. */
class RateLimiterTest {
    private final ApiKeys keys = ApiKeys.of(List.of("a", "b", "slow"), List.of());

    private RateLimiter limiter(long eps, long burst, String perKey) {
        RateLimiter l = new RateLimiter();
        l.configure(new RateLimiter.Limit(eps, burst), perKey);
        return l;
    }

    private ApiKeyRing.Match key(String k) {
        return keys.match(k).orElseThrow();
    }

    @Test
    void oneTokenPerEventUntilTheBurstIsSpentThen429WithRetryAfterInWholeSeconds() {
        RateLimiter l = limiter(1, 10, "");
        l.acquire(key("a"), 4);
        l.acquire(key("a"), 6);
        ProblemException e = assertThrows(ProblemException.class, () -> l.acquire(key("a"), 3));
        assertEquals(429, e.problem().status());
        assertEquals("urn:ca4:problem:rate-limited", e.problem().type());
        // 3 tokens at 1 per second: about 3 s (whole seconds, rounded up, at least 1)
        assertTrue(e.retryAfterSeconds() >= 2 && e.retryAfterSeconds() <= 3, "Retry-After " + e.retryAfterSeconds());
        assertTrue(e.problem().detail().contains("1 events per second"), e.problem().detail());
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter l = limiter(1, 5, "");
        l.acquire(key("a"), 5);
        assertThrows(ProblemException.class, () -> l.acquire(key("a"), 1));
        assertDoesNotThrow(() -> l.acquire(key("b"), 5));
    }

    @Test
    void perKeyLimitOverridesTheDefault() {
        RateLimiter l = limiter(1000, 1000, "slow=1/2");
        l.acquire(key("slow"), 2);
        assertEquals(429, assertThrows(ProblemException.class, () -> l.acquire(key("slow"), 1)).problem().status());
        assertDoesNotThrow(() -> l.acquire(key("a"), 500));
    }

    @Test
    void aRequestLargerThanTheBurstCouldNeverPassSoItGets413() {
        RateLimiter l = limiter(10, 100, "");
        ProblemException e = assertThrows(ProblemException.class, () -> l.acquire(key("a"), 101));
        assertEquals(413, e.problem().status());
        assertTrue(e.problem().detail().contains("burst of 100"), e.problem().detail());
    }

    @Test
    void zeroEventsPerSecondTurnsLimitingOff() {
        RateLimiter l = limiter(0, 0, "");
        for (int i = 0; i < 100; i++) {
            l.acquire(key("a"), 1000);
        }
    }

    @Test
    void aMalformedPerKeyEntryIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> limiter(1, 1, "no-equals-sign"));
        assertThrows(NumberFormatException.class, () -> limiter(1, 1, "k=fast"));
    }
}
