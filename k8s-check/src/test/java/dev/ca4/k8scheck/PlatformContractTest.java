package dev.ca4.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kafka, the config templates and the NetworkPolicies keep the promises make/aws and the issue rely on. */
class PlatformContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"k8s/platform/overlays/aws", "k8s/platform/overlays/local"})
    void kafkaQuorumMatchesItsReplicasAndTheLocalKafkaVersion(String overlay) {
        Manifests m = Manifests.render(overlay);
        StatefulSet kafka = m.find(StatefulSet.class, "platform", "kafka").orElseThrow();
        var c = kafka.getSpec().getTemplate().getSpec().getContainers().get(0);
        String replicas = String.valueOf(kafka.getSpec().getReplicas());
        assertTrue(kafka.getSpec().getReplicas() >= 1 && kafka.getSpec().getReplicas() <= 3, "1 to 3 brokers");
        assertEquals(replicas, env(c.getEnv(), "KAFKA_REPLICAS"), "KAFKA_REPLICAS sets the KRaft voters: must equal spec.replicas");
        var job = m.find(Job.class, "platform", "kafka-topics").orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(replicas, env(job.getEnv(), "KAFKA_REPLICAS"), "the topic Job's replication factor follows the brokers");
        assertEquals("apache/kafka:" + WarFacts.pomProperty("kafka.version"), c.getImage(), "same Kafka as the local stack");
        assertEquals("kafka-svc." + kafka.getMetadata().getNamespace() + ".svc.cluster.local", env(c.getEnv(), "KAFKA_HEADLESS"));
        assertEquals("kafka-svc", kafka.getSpec().getServiceName());
        Service external = m.find(Service.class, "platform", "kafka-external").orElseThrow();
        assertEquals(30092, external.getSpec().getPorts().get(0).getNodePort(), "docs/aws.md: Kafka NodePort 30092 (terraform kafka_node_port)");
        assertTrue(Repo.read("k8s/platform/base/kafka/start.sh").contains("EXTERNAL://127.0.0.1:$((19092 + ordinal))"),
                "kafka-0 advertises 127.0.0.1:19092, the local end of make tunnel-kafka");
    }

    @Test
    void grafanaIsOnTheNodePortTheTunnelUses() {
        Service grafana = Manifests.render("k8s/monitoring/overlays/aws").find(Service.class, "monitoring", "grafana").orElseThrow();
        assertEquals(30300, grafana.getSpec().getPorts().get(0).getNodePort(), "terraform grafana_node_port");
    }

    @Test
    void platformSetupCreatesExactlyTheTemplatedObjectsAndKeys(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
        Files.writeString(tmp.resolve("api-key"), "k\n");
        Files.writeString(tmp.resolve("liberty.env"), "CA4_ADMIN_USER=admin\nCA4_ADMIN_PASSWORD=a\nCA4_KEYSTORE_PASSWORD=b\n");
        Files.write(tmp.resolve("key.p12"), new byte[]{1, 2, 3});
        Path outputs = Files.writeString(tmp.resolve("outputs.json"), """
                {"documentdb_endpoint": {"value": "db"}, "documentdb_port": {"value": 27017}, "documentdb_username": {"value": "u"},
                 "documentdb_password": {"value": "p"}, "region": {"value": "us-east-1"}, "s3_bucket_name": {"value": "b"}}""");
        String json = Repo.run(List.of("sh", "-c", "python3 make/aws/platform_objects.py --ca-bundle " + tmp.resolve("ca.pem")
                + " --api-key-file " + tmp.resolve("api-key") + " --liberty-env " + tmp.resolve("liberty.env")
                + " --keystore " + tmp.resolve("key.p12") + " < " + outputs));
        Map<String, Set<String>> created = new TreeMap<>();
        for (JsonNode item : new ObjectMapper().readTree(json).get("items")) {
            Set<String> keys = new TreeSet<>();
            item.get("data").fieldNames().forEachRemaining(keys::add);
            created.put(item.get("kind").asText() + "/" + item.at("/metadata/namespace").asText() + "/" + item.at("/metadata/name").asText(), keys);
        }
        Map<String, Set<String>> templated = new TreeMap<>();
        for (HasMetadata o : Templates.objects()) {
            Set<String> keys = new TreeSet<>(o instanceof Secret s ? s.getStringData().keySet() : ((ConfigMap) o).getData().keySet());
            templated.put(o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName(), keys);
        }
        assertEquals(templated, created, "make ca4-platform-setup (platform_objects.py) vs k8s/platform/templates");
    }

    @Test
    void onlyTheProcessorWorkerAndSearchOfTheAppNamespaceReachKafka() {
        NetworkPolicy p = Manifests.render("k8s/platform/overlays/aws").find(NetworkPolicy.class, "platform", "kafka").orElseThrow();
        Set<String> appPods = p.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                .filter(peer -> peer.getNamespaceSelector() != null
                        && "app".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                .flatMap(peer -> peer.getPodSelector().getMatchExpressions().stream().flatMap(e -> e.getValues().stream()))
                .collect(Collectors.toSet());
        assertEquals(Set.of("processor", "worker", "search"), appPods);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/app/overlays/aws", "k8s/app/overlays/local"})
    void onlyTheWorkerMayLeaveForTheStoreOrS3AndOnlyTheIngressReachesTheApis(String overlay) {
        Manifests m = Manifests.render(overlay);
        for (NetworkPolicy p : m.all(NetworkPolicy.class).toList()) {
            boolean storeOrS3 = p.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())
                    .anyMatch(port -> Set.of(27017, 443).contains(port.getPort().getIntVal()));
            if (storeOrS3) {
                // ca4-db-check: the pod of make ca4-verify-db (make/aws/verify.sh), 27017 only.
                String who = p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
                assertTrue(who.equals("worker") || who.equals("ca4-db-check") && p.getSpec().getEgress().stream()
                        .flatMap(r -> r.getPorts().stream()).allMatch(x -> x.getPort().getIntVal() == 27017), p.getMetadata().getName());
            }
        }
        for (String svc : List.of("processor", "search")) {
            int https = WarFacts.of(svc).httpsPort();
            NetworkPolicy api = m.find(NetworkPolicy.class, "app", svc).orElseThrow();
            var apiPeers = api.getSpec().getIngress().stream().filter(r -> r.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == https))
                    .flatMap(r -> r.getFrom().stream()).map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).toList();
            assertEquals(List.of("traefik"), apiPeers, "only the ingress controller reaches the API ports of " + svc);
        }
        assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(m.find(NetworkPolicy.class, "app", "default-deny").orElseThrow().getSpec().getPolicyTypes()));
    }

    private static String env(List<io.fabric8.kubernetes.api.model.EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
    }
}
