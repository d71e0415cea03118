package dev.ca4.producer.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random wait between 0 and min(max, initial·2^attempt)), so producers
 * that failed together do not retry together. A server's Retry-After is honoured as the lower bound, plus up to
 * 20 % jitter.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Defaults: 500 ms doubling up to 30 s. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), RandomGenerator.getDefault());
    }

    /**
     * @param attempt    0 for the first retry
     * @param retryAfter the server's Retry-After, or null
     */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            long ms = retryAfter.toMillis();
            return Duration.ofMillis(ms + (long) (random.nextDouble() * ms * 0.2));
        }
        long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (random.nextDouble() * cap));
    }
}
