package dev.ca4.processor.api;

import dev.ca4.event.ApiKeyRing;
import dev.ca4.processor.api.error.ProblemException;
import dev.ca4.processor.api.error.Problems;
import dev.ca4.processor.config.ProcessorConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Rate limiting per accepted API key: one Bucket4j token bucket per key digest, where a token is an event
 * (a batch of 100 costs 100). {@code ca4.api.rate-limit.events-per-second} refills it (greedily, i.e.
 * smoothly), {@code ca4.api.rate-limit.burst} is its size; 0 events per second turns limiting off.
 * {@code ca4.api.rate-limit.per-key} gives chosen keys their own limit. Over the limit a request gets 429
 * with {@code Retry-After}: the whole seconds until the bucket holds enough tokens again.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    @Inject
    ProcessorConfig config;

    private Limit defaultLimit;
    private Map<String, Limit> perKey = Map.of();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Events per second (0 = unlimited) and bucket size. */
    record Limit(long eventsPerSecond, long burst) {
        Limit {
            if (eventsPerSecond < 0 || burst < 0) {
                throw new IllegalArgumentException("rate limits cannot be negative");
            }
            if (eventsPerSecond > 0 && burst == 0) {
                burst = eventsPerSecond;
            }
        }

        boolean off() {
            return eventsPerSecond == 0;
        }

        /** {@code <events-per-second>/<burst>} or {@code <events-per-second>}. */
        static Limit parse(String s) {
            String[] p = s.strip().split("/");
            return new Limit(Long.parseLong(p[0].strip()), p.length > 1 ? Long.parseLong(p[1].strip()) : 0);
        }
    }

    @PostConstruct
    void load() {
        configure(new Limit(config.rateLimitEventsPerSecond(), config.rateLimitBurst()),
                config.rateLimitPerKey());
        LOG.info(defaultLimit.off() ? "rate limiting off (ca4.api.rate-limit.events-per-second=0)"
                : "rate limit per API key: " + defaultLimit.eventsPerSecond() + " events/s, burst "
                + defaultLimit.burst() + (perKey.isEmpty() ? "" : "; " + perKey.size() + " key(s) with their own"));
    }

    /** For tests and {@link #load()}: the default limit and {@code <key or sha256:hex>=<eps>[/<burst>]} entries. */
    void configure(Limit defaults, String perKeyEntries) {
        defaultLimit = defaults;
        Map<String, Limit> m = new ConcurrentHashMap<>();
        for (String entry : List.of(perKeyEntries.split(","))) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("ca4.api.rate-limit.per-key entries are <key or sha256:hex>="
                        + "<events-per-second>[/<burst>]");
            }
            m.put(HexFormat.of().formatHex(ApiKeyRing.digestOf(entry.substring(0, eq).strip())),
                    Limit.parse(entry.substring(eq + 1)));
        }
        perKey = Map.copyOf(m);
        buckets.clear();
    }

    /**
     * Takes {@code events} tokens from the key's bucket.
     *
     * @throws ProblemException 429 with Retry-After when the bucket is short; 413 when {@code events} exceeds
     *                          the burst (such a request could never pass)
     */
    public void acquire(ApiKeyRing.Match key, long events) {
        Limit limit = perKey.getOrDefault(key.digestHex(), defaultLimit);
        if (limit.off()) {
            return;
        }
        if (events > limit.burst()) {
            throw new ProblemException(Problems.batchTooLarge("a request of " + events + " events exceeds this API key's rate-limit burst of "
                            + limit.burst() + " events; send smaller batches"));
        }
        Bucket bucket = buckets.computeIfAbsent(key.digestHex(), k -> Bucket.builder()
                .addLimit(b -> b.capacity(limit.burst())
                        .refillGreedy(limit.eventsPerSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(events);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new ProblemException(Problems.rateLimited("this API key may send " + limit.eventsPerSecond() + " events per second (burst "
                            + limit.burst() + "); retry after " + seconds + " s"), (int) Math.min(seconds,
                    Integer.MAX_VALUE));
        }
    }
}
