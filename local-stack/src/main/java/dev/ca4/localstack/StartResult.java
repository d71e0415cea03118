package dev.ca4.localstack;

import java.time.Duration;
import java.util.Locale;

/** A service that is ready: started now, or {@code alreadyRunning} and left alone. */
public record StartResult(Service service, String address, long pid, boolean alreadyRunning, Duration elapsed) {

    /** {@code kafka ready on 127.0.0.1:9092 (pid 1234, 3.2 s)} or {@code ... already running on ...}. */
    public String line() {
        if (alreadyRunning) {
            return service + " already running on " + address + " (pid " + pid + ")";
        }
        return String.format(Locale.ROOT, "%s ready on %s (pid %d, %.1f s)", service, address, pid,
                elapsed.toMillis() / 1000.0);
    }
}
