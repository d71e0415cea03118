package dev.ca4.localstack;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** What {@code stop} or {@code kill} did to one service. */
public record StopResult(Service service, Optional<Long> pid, Outcome outcome, Duration elapsed) {

    /** How the service ended. */
    public enum Outcome {
        /** Nothing to do. */
        NOT_RUNNING,
        /** Exited after SIGTERM. */
        STOPPED,
        /** Ignored SIGTERM until the timeout, then got SIGKILL. */
        FORCED,
        /** SIGKILL at once ({@code kill}). */
        KILLED
    }

    public static StopResult notRunning(Service service) {
        return new StopResult(service, Optional.empty(), Outcome.NOT_RUNNING, Duration.ZERO);
    }

    public String line() {
        String pidText = pid.map(p -> "pid " + p).orElse("");
        return switch (outcome) {
            case NOT_RUNNING -> service + " not running";
            case STOPPED -> String.format(Locale.ROOT, "%s stopped (%s, %.1f s)", service, pidText,
                    elapsed.toMillis() / 1000.0);
            case FORCED -> service + " did not stop in time; killed (" + pidText + ")";
            case KILLED -> service + " killed (" + pidText + ")";
        };
    }
}
