package dev.ca4.k8scheck;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NetworkFlows reads policies as Kubernetes does (so a green NetworkPolicyTest means something). */
class NetworkFlowsTest {

    private static String pod(String namespace, String name, String ports) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %2$s, namespace: %1$s}
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: %2$s}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: %2$s}}
                    spec:
                      containers: [{name: c, image: x, ports: %3$s}]
                ---
                """.formatted(namespace, name, ports);
    }

    private static final String FIXTURE = pod("a", "db", "[{name: sql, containerPort: 5432}, {name: admin, containerPort: 8080}]")
            + pod("a", "web", "[]") + pod("a", "open", "[{containerPort: 80}]") + pod("b", "web", "[]") + pod("b", "job", "[]") + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: a}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: a}
            spec:
              podSelector: {matchLabels: {app.kubernetes.io/name: db}}
              ingress:
                - ports: [{port: sql}]
                  from:
                    - podSelector: {matchLabels: {app.kubernetes.io/name: web}}
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}
                      podSelector: {matchLabels: {app.kubernetes.io/name: job}}
                    - ipBlock: {cidr: 10.0.0.0/8, except: [10.9.0.0/16]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: a}
            spec:
              podSelector: {matchLabels: {app.kubernetes.io/name: web}}
              policyTypes: [Egress]
              egress: [{ports: [{port: 5000, endPort: 5432}], to: [{podSelector: {}}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: open, namespace: a}
            spec:
              podSelector: {matchLabels: {app.kubernetes.io/name: open}}
              policyTypes: [Ingress]
              ingress: [{}]
            """;

    private final NetworkFlows f = new NetworkFlows(Manifests.parse("fixture", FIXTURE));
    private final NetworkFlows.Pod db = f.pod("a", "db");
    private final NetworkFlows.Pod webA = f.pod("a", "web");
    private final NetworkFlows.Pod webB = f.pod("b", "web");
    private final NetworkFlows.Pod jobB = f.pod("b", "job");

    @Test
    void admitsOnlyThePeersAndPortsARuleNames() {
        assertTrue(f.allows(webA, db, 5432, "TCP"), "same-namespace pod selector, named port, egress range 5000-5432");
        assertFalse(f.allows(webA, db, 8080, "TCP"), "a port no ingress rule names");
        assertFalse(f.allows(webA, db, 5432, "UDP"), "ports are TCP unless they say otherwise");
        assertFalse(f.ingressAllows(db, webB, 5432, "TCP"), "a pod selector alone means the policy's own namespace");
        assertTrue(f.allows(jobB, db, 5432, "TCP"), "namespace and pod selector in one peer: both must match");
        assertTrue(f.allows(new NetworkFlows.Address("10.1.2.3"), db, 5432, "TCP"), "inside the ipBlock");
        assertFalse(f.allows(new NetworkFlows.Address("10.9.2.3"), db, 5432, "TCP"), "in the ipBlock's except");
        assertFalse(f.allows(new NetworkFlows.Address("192.0.2.1"), db, 5432, "TCP"), "outside the ipBlock");
    }

    @Test
    void defaultDenyIsolatesAndUnselectedPodsAreOpen() {
        assertFalse(f.allows(db, webA, 80, "TCP"), "db has no egress rule: default-deny holds");
        assertFalse(f.allows(webA, new NetworkFlows.Address("192.0.2.1"), 443, "TCP"), "web's egress names pods only");
        assertTrue(f.allows(webB, jobB, 80, "TCP"), "namespace b has no policy: open both ways");
        assertTrue(f.ingressAllows(f.pod("a", "open"), webB, 80, "TCP"), "an ingress rule with no peers and no ports admits all");
        assertTrue(f.policies().stream().filter(NetworkFlows::isDefaultDeny).map(p -> p.getMetadata().getName()).toList()
                .equals(java.util.List.of("default-deny")), "only the policy that selects all and admits nothing is a default deny");
    }
}
