package dev.ca4.processor.health;

import dev.ca4.processor.config.ProcessorConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Ready only while the Kafka cluster answers: a processor that cannot publish should get no traffic. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    @Inject
    ProcessorConfig config;

    private volatile Admin admin;

    @Override
    public HealthCheckResponse call() {
        long timeout = config.kafkaHealthTimeoutMs();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
                    .nodes().get(timeout, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("brokers", nodes)
                    .withData("bootstrap", config.kafkaBootstrap()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("bootstrap", config.kafkaBootstrap())
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000,
                            AdminClientConfig.CLIENT_ID_CONFIG, "ca4-processor-health"));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
