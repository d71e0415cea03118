package dev.ca4.processor.health;

import dev.ca4.processor.publish.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the outgoing channel works; a cancelled channel never recovers without a restart. */
@Liveness
@ApplicationScoped
public class PublisherLivenessCheck implements HealthCheck {

    @Inject
    EventPublisher publisher;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("publisher-channel").status(publisher.channelAlive()).build();
    }
}
