package dev.ca4.worker.health;

import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.kafka.KafkaAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    @Inject
    KafkaAdmin kafka;
    @Inject
    WorkerConfig config;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("kafka").up().withData("brokers", kafka.brokers()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("bootstrap", config.kafkaBootstrap())
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
