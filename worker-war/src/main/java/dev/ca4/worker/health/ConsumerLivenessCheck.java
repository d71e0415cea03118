package dev.ca4.worker.health;

import dev.ca4.worker.consume.ConsumerWatchdog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the Kafka channel delivers (see {@link ConsumerWatchdog}): a dead consumer never recovers alone. */
@Liveness
@ApplicationScoped
public class ConsumerLivenessCheck implements HealthCheck {

    @Inject
    ConsumerWatchdog watchdog;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-consumer").status(!watchdog.stalled()).build();
    }
}
