package dev.ca4.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NetworkPolicies of each cluster (platform + app + monitoring overlays of aws, of local), evaluated by
 * {@link NetworkFlows}: every namespace denies by default, and the monitoring namespace lets through exactly the
 * flows it needs. Render-time checks: no cluster enforces anything here (see NetworkFlows for what the model
 * leaves out).
 */
class NetworkPolicyTest {

    private static final String TCP = "TCP";
    /** TEST-NET-3: an address on the Internet. */
    private static final NetworkFlows.Address INTERNET = new NetworkFlows.Address("203.0.113.7");
    /** Pods these manifests do not render, as sources and destinations. */
    private static final NetworkFlows.Pod KUBE_DNS = NetworkFlows.outsider("kube-system", Map.of("k8s-app", "kube-dns"), 53, "UDP");
    private static final NetworkFlows.Pod TRAEFIK = NetworkFlows.outsider("kube-system",
            Map.of("app.kubernetes.io/name", "traefik"), 8000, TCP);
    private static final NetworkFlows.Pod STRANGER = NetworkFlows.outsider("default", Map.of("app.kubernetes.io/name", "grafana"), 80, TCP);

    /**
     * One cluster: its manifests, a node's address and the port its Kubernetes API answers on after the Service
     * kubernetes is rewritten, and the address the Grafana tunnel comes from (none: port-forward only).
     */
    record Cluster(String name, List<Manifests> manifests, NetworkFlows flows, NetworkFlows.Address node, int apiPort,
                   NetworkFlows.Address tunnel) {
        Manifests monitoring() {
            return manifests.get(2);
        }

        List<NetworkFlows.Address> addresses() {
            return tunnel == null ? List.of(node, INTERNET) : List.of(node, tunnel, INTERNET);
        }
    }

    private static final Map<String, Cluster> CLUSTERS = new ConcurrentHashMap<>();

    private static Cluster cluster(String name) {
        return CLUSTERS.computeIfAbsent(name, n -> {
            List<Manifests> m = Stream.of("platform", "app", "monitoring")
                    .map(layer -> Manifests.render("k8s/" + layer + "/overlays/" + n)).toList();
            NetworkFlows flows = new NetworkFlows(m.toArray(Manifests[]::new));
            return n.equals("aws")
                    // terraform: the K3s server at 10.40.10.11 (private subnet), the bastion in a public subnet
                    ? new Cluster(n, m, flows, new NetworkFlows.Address("10.40.10.11"), 6443, new NetworkFlows.Address("10.40.0.10"))
                    // k3d/kind: the node on a Docker network
                    : new Cluster(n, m, flows, new NetworkFlows.Address("172.18.0.2"), 6443, null);
        });
    }

    /** Namespaces whose pods are open unless a policy selects them: platform (only Kafka's and the local store's
     * ingress are limited there; issue 13 item 4 was the monitoring namespace). */
    private static final Set<String> OPEN_BY_DEFAULT = Set.of("platform");

    @Test
    void everyNamespaceDeniesByDefault() {
        Set<String> open = new TreeSet<>();
        for (String overlay : Repo.OVERLAYS) {
            Manifests m = Manifests.render(overlay);
            m.workloads().stream().map(Manifests.Workload::namespace).distinct()
                    .filter(ns -> m.all(NetworkPolicy.class).noneMatch(p -> ns.equals(p.getMetadata().getNamespace())
                            && NetworkFlows.isDefaultDeny(p)))
                    .forEach(open::add);
        }
        assertEquals(OPEN_BY_DEFAULT, open, "namespaces without a policy that selects all pods for Ingress and Egress and "
                + "admits nothing (a namespace that now has one: take it out of OPEN_BY_DEFAULT)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "local"})
    void lokiAdmitsOnlyPromtailAndGrafana(String name) {
        Cluster c = cluster(name);
        NetworkFlows.Pod loki = c.flows().pod("monitoring", "loki");
        assertEquals(Set.of("monitoring/DaemonSet/promtail -> 3100/TCP", "monitoring/Deployment/grafana -> 3100/TCP"),
                admitted(c, loki), "who Loki's ingress admits, on any of its ports");
        assertTrue(c.flows().allows(c.flows().pod("monitoring", "promtail"), loki, 3100, TCP), "Promtail pushes to Loki");
        assertTrue(c.flows().allows(c.flows().pod("monitoring", "grafana"), loki, 3100, TCP), "Grafana queries Loki");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "local"})
    void grafanaOpensOnlyToTheTunnel(String name) {
        Cluster c = cluster(name);
        NetworkFlows.Pod grafana = c.flows().pod("monitoring", "grafana");
        Set<String> expected = name.equals("aws")
                // the VPC: the bastion, and so the node addresses too (the NodePort's security group admits no more)
                ? Set.of(c.tunnel() + " -> 3000/TCP", c.node() + " -> 3000/TCP")
                // kubectl port-forward only, which policies do not see
                : Set.of();
        assertEquals(expected, admitted(c, grafana), "who Grafana's ingress admits: no pod, not the ingress controller");
        if (c.tunnel() != null) {
            assertTrue(c.flows().allows(c.tunnel(), grafana, 3000, TCP));
            // The tunnel's source address survives only if the NodePort does not forward to another node.
            Service svc = c.monitoring().find(Service.class, "monitoring", "grafana").orElseThrow();
            assertEquals("Local", svc.getSpec().getExternalTrafficPolicy(), "Grafana's NodePort keeps the client address");
            Deployment d = c.monitoring().find(Deployment.class, "monitoring", "grafana").orElseThrow();
            assertEquals(Map.of("node-role.kubernetes.io/control-plane", "true"), d.getSpec().getTemplate().getSpec().getNodeSelector(),
                    "Grafana on the K3s server, the node make tunnel-grafana targets (k3s_server_private_ip)");
            assertTrue(Repo.read("make/aws/tunnel.sh").contains("target=$(tf_out k3s_server_private_ip)"), "the tunnel's target");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "local"})
    void prometheusIsQueriedOnlyByGrafana(String name) {
        Cluster c = cluster(name);
        assertEquals(Set.of("monitoring/Deployment/grafana -> 9090/TCP"), admitted(c, c.flows().pod("monitoring", "prometheus")));
    }

    /** Every target of every scrape job of the deployed prometheus.yml, resolved through its Service. */
    @ParameterizedTest
    @ValueSource(strings = {"aws", "local"})
    void prometheusReachesEveryScrapeTarget(String name) throws Exception {
        Cluster c = cluster(name);
        NetworkFlows.Pod prometheus = c.flows().pod("monitoring", "prometheus");
        ConfigMap config = c.monitoring().all(ConfigMap.class).filter(m -> m.getMetadata().getName().startsWith("prometheus-config"))
                .findFirst().orElseThrow();
        JsonNode jobs = new ObjectMapper(new YAMLFactory()).readTree(config.getData().get("prometheus.yml")).get("scrape_configs");
        List<String> problems = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (JsonNode job : jobs) {
            String jobName = job.get("job_name").asText();
            List<String> targets = new ArrayList<>();
            job.path("static_configs").forEach(s -> s.path("targets").forEach(t -> targets.add(t.asText())));
            job.path("dns_sd_configs").forEach(s -> s.path("names").forEach(n -> targets.add(n.asText() + ":" + s.get("port").asInt())));
            for (String target : targets) {
                String host = target.substring(0, target.lastIndexOf(':'));
                int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
                if (host.equals("localhost")) {
                    continue; // Prometheus itself, inside its pod
                }
                List<NetworkFlows.Peer> peers = resolve(c, host);
                if (peers.isEmpty()) {
                    problems.add(jobName + ": " + host + " is no Service selecting rendered pods");
                }
                peers.stream().filter(p -> !c.flows().allows(prometheus, p, port, TCP))
                        .forEach(p -> problems.add(jobName + ": Prometheus may not scrape " + p + ":" + port));
                checked.add(jobName);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Set.of("processor", "worker", "search", "kafka-exporter", "node"), checked, "the jobs with targets outside Prometheus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "local"})
    void onlyPromtailReachesTheKubernetesApi(String name) {
        Cluster c = cluster(name);
        Set<String> reaching = monitoringPods(c).filter(p -> c.flows().allows(p, c.node(), c.apiPort(), TCP))
                .map(NetworkFlows.Pod::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("monitoring/DaemonSet/promtail"), reaching, "pods that reach the Kubernetes API at " + c.node() + ":" + c.apiPort());
        assertTrue(monitoringPods(c).noneMatch(p -> c.flows().allows(p, INTERNET, 443, TCP)), "no monitoring pod leaves for the Internet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "local"})
    void everyMonitoringPodResolvesNames(String name) {
        Cluster c = cluster(name);
        monitoringPods(c).forEach(p -> {
            assertTrue(c.flows().allows(p, KUBE_DNS, 53, "UDP"), p + " -> kube-dns 53/UDP");
            assertTrue(c.flows().allows(p, KUBE_DNS, 53, TCP), p + " -> kube-dns 53/TCP");
        });
    }

    /** Every connection between two pods (any declared port) into or out of the monitoring namespace. */
    @ParameterizedTest
    @ValueSource(strings = {"aws", "local"})
    void theMonitoringFlowsAreExactlyThese(String name) {
        Cluster c = cluster(name);
        List<NetworkFlows.Pod> pods = Stream.concat(c.flows().pods().stream().filter(p -> !p.hostNetwork()),
                Stream.of(KUBE_DNS, TRAEFIK, STRANGER)).toList();
        Set<String> flows = new TreeSet<>();
        for (NetworkFlows.Pod src : pods) {
            for (NetworkFlows.Pod dst : pods) {
                if (src != dst && (src.namespace().equals("monitoring") || dst.namespace().equals("monitoring"))) {
                    for (ContainerPort port : dst.ports()) {
                        String protocol = port.getProtocol() == null ? TCP : port.getProtocol();
                        if (c.flows().allows(src, dst, port.getContainerPort(), protocol)) {
                            flows.add(src + " -> " + dst + ":" + port.getContainerPort() + "/" + protocol);
                        }
                    }
                }
            }
        }
        Set<String> expected = new TreeSet<>(Set.of(
                "monitoring/Deployment/prometheus -> app/Deployment/processor:9080/TCP",
                "monitoring/Deployment/prometheus -> app/Deployment/worker:9081/TCP",
                "monitoring/Deployment/prometheus -> app/Deployment/search:9082/TCP",
                "monitoring/Deployment/prometheus -> monitoring/Deployment/kafka-exporter:9308/TCP",
                "monitoring/Deployment/kafka-exporter -> platform/StatefulSet/kafka:9092/TCP",
                "monitoring/Deployment/grafana -> monitoring/Deployment/prometheus:9090/TCP",
                "monitoring/Deployment/grafana -> monitoring/StatefulSet/loki:3100/TCP",
                "monitoring/DaemonSet/promtail -> monitoring/StatefulSet/loki:3100/TCP"));
        expected.addAll(monitoringPods(c).map(p -> p + " -> " + KUBE_DNS + ":53/UDP").toList());
        Set<String> unexpected = new TreeSet<>(flows);
        unexpected.removeAll(expected);
        expected.removeAll(flows);
        assertAll(() -> assertEquals(Set.of(), unexpected, "admitted, but no component needs it"),
                () -> assertEquals(Set.of(), expected, "needed, but not admitted"));
    }

    /**
     * The search service: the ingress controller alone calls its API and Prometheus scrapes it; it reaches Kafka and
     * DNS and nothing else, neither the store nor S3 (it rebuilds its index from the topic), which the worker does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"aws", "local"})
    void theSearchServiceReachesOnlyKafkaAndOnlyTheIngressAndPrometheusReachIt(String name) {
        Cluster c = cluster(name);
        NetworkFlows.Pod search = c.flows().pod("app", "search");
        NetworkFlows.Pod worker = c.flows().pod("app", "worker");
        assertEquals(Set.of(TRAEFIK + " -> 9082/TCP", TRAEFIK + " -> 9445/TCP", "monitoring/Deployment/prometheus -> 9082/TCP"),
                admitted(c, search), "who the search pods' ingress admits");
        Set<String> reached = new TreeSet<>();
        for (NetworkFlows.Pod dst : Stream.concat(c.flows().pods().stream().filter(p -> !p.hostNetwork()),
                Stream.of(KUBE_DNS, TRAEFIK, STRANGER)).toList()) {
            for (ContainerPort port : dst.ports()) {
                String protocol = port.getProtocol() == null ? TCP : port.getProtocol();
                if (dst != search && c.flows().allows(search, dst, port.getContainerPort(), protocol)) {
                    reached.add(dst + ":" + port.getContainerPort() + "/" + protocol);
                }
            }
        }
        assertEquals(Set.of("platform/StatefulSet/kafka:9092/TCP", KUBE_DNS + ":53/UDP"), reached, "the pods search reaches");
        assertTrue(c.flows().allows(search, KUBE_DNS, 53, TCP), "search -> kube-dns 53/TCP");
        // The store and S3, where the worker goes: the local MongoDB pod; on AWS DocumentDB in the VPC, S3 on the
        // Internet and the instance metadata service (the node role's credentials).
        if (name.equals("local")) {
            NetworkFlows.Pod mongo = c.flows().pod("platform", "mongo");
            assertTrue(c.flows().allows(worker, mongo, 27017, TCP), "the worker reaches the local store");
            assertFalse(c.flows().allows(search, mongo, 27017, TCP), "search does not reach the local store");
        } else {
            for (var target : List.of(Map.entry(new NetworkFlows.Address("10.40.20.15"), 27017), Map.entry(INTERNET, 443),
                    Map.entry(new NetworkFlows.Address("169.254.169.254"), 80))) {
                assertTrue(c.flows().allows(worker, target.getKey(), target.getValue(), TCP), "worker -> " + target);
                assertFalse(c.flows().allows(search, target.getKey(), target.getValue(), TCP), "search -> " + target);
            }
        }
    }

    private static Stream<NetworkFlows.Pod> monitoringPods(Cluster c) {
        return c.flows().pods().stream().filter(p -> p.namespace().equals("monitoring") && !p.hostNetwork());
    }

    /** "source -> port/protocol" for every pod and address that dst's ingress admits on one of its declared ports. */
    private static Set<String> admitted(Cluster c, NetworkFlows.Pod dst) {
        List<NetworkFlows.Peer> sources = new ArrayList<>(c.flows().pods().stream().filter(p -> p != dst && !p.hostNetwork()).toList());
        sources.addAll(List.of(KUBE_DNS, TRAEFIK, STRANGER));
        sources.addAll(c.addresses());
        Set<String> out = new TreeSet<>();
        for (NetworkFlows.Peer src : sources) {
            for (ContainerPort port : dst.ports()) {
                String protocol = port.getProtocol() == null ? TCP : port.getProtocol();
                if (c.flows().ingressAllows(dst, src, port.getContainerPort(), protocol)) {
                    out.add(src + " -> " + port.getContainerPort() + "/" + protocol);
                }
            }
        }
        return out;
    }

    /** NAME.NAMESPACE.svc.cluster.local: the pods its Service selects; a host-network pod is its node's address. */
    private static List<NetworkFlows.Peer> resolve(Cluster c, String host) {
        String[] parts = host.split("\\.");
        if (parts.length != 5 || !host.endsWith(".svc.cluster.local")) {
            return List.of();
        }
        Service svc = c.manifests().stream().flatMap(m -> m.find(Service.class, parts[1], parts[0]).stream()).findFirst().orElse(null);
        if (svc == null || svc.getSpec().getSelector() == null || svc.getSpec().getSelector().isEmpty()) {
            return List.of();
        }
        return c.flows().pods().stream()
                .filter(p -> p.namespace().equals(parts[1]) && p.labels().entrySet().containsAll(svc.getSpec().getSelector().entrySet()))
                .map(p -> p.hostNetwork() ? (NetworkFlows.Peer) c.node() : p).toList();
    }
}
