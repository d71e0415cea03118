package dev.ca4.localstack.probe;

import dev.ca4.localstack.Service;
import dev.ca4.localstack.StackConfig;
import dev.ca4.localstack.service.KafkaTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Ready when describeCluster names a broker and both pipeline topics exist. */
final class KafkaReadiness implements ReadinessCheck {

    private static final int TIMEOUT_MS = 3000;

    private final StackConfig config;
    private Admin admin;

    KafkaReadiness(StackConfig config) {
        this.config = config;
    }

    @Override
    public boolean isReady() {
        if (!PortProbe.isListening(config.kafkaPort())) {
            return false;
        }
        try {
            Admin client = admin();
            boolean hasBroker = !client.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
            Set<String> topics = client.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return hasBroker && topics.containsAll(KafkaTopics.PARTITIONS.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.address(Service.KAFKA),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500,
                    AdminClientConfig.CLIENT_ID_CONFIG, "ca4-local-stack-readiness"));
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
