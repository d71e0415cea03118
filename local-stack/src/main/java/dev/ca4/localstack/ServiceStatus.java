package dev.ca4.localstack;

import java.util.Optional;

/** One service as {@code status} reports it: up when its JVM is alive and its port answers. */
public record ServiceStatus(Service service, String address, Optional<Long> pid, boolean up) {

    /** {@code kafka   127.0.0.1:9092   pid 1234    up}. */
    public String line() {
        return String.format("%-6s %-16s %-12s %s", service.id(), address,
                pid.map(p -> "pid " + p).orElse("pid -"), up ? "up" : pid.isPresent() ? "down (not answering)" : "down");
    }
}
