package dev.ca4.k8scheck;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the NetworkPolicies of rendered manifests let through, by the rules of networking.k8s.io/v1: a pod that
 * no policy of a type selects is open in that direction; one that some do is open only to what one of their rules
 * admits (peers and ports); a connection needs the source's egress and the destination's ingress. A model read from
 * the manifests, with no cluster and no network plugin: the pods are the rendered workloads' templates (their
 * labels and declared ports), namespaces carry their kubernetes.io/metadata.name label (plus the labels of
 * rendered Namespace objects), an ipBlock matches only the addresses a test names (pods have none here, and
 * Kubernetes leaves ipBlock on pod addresses to the plugin), and host-network pods are not subject to policies
 * nor matched by pod selectors (a test names their node's address instead). Source NAT, kube-proxy and the kubelet's
 * probes are outside it.
 */
final class NetworkFlows {

    sealed interface Peer permits Pod, Address {
    }

    /** A workload's pod: "namespace/Kind/name". */
    record Pod(String namespace, String id, Map<String, String> labels, List<ContainerPort> ports, boolean hostNetwork)
            implements Peer {
        String name() {
            return labels.get("app.kubernetes.io/name");
        }

        @Override
        public String toString() {
            return namespace + "/" + id;
        }
    }

    /** An IPv4 address outside the pods (a node, the bastion, the Internet). */
    record Address(String ip) implements Peer {
        @Override
        public String toString() {
            return ip;
        }
    }

    private final List<NetworkPolicy> policies = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    NetworkFlows(Manifests... rendered) {
        for (Manifests m : rendered) {
            m.all(NetworkPolicy.class).forEach(policies::add);
            m.all(Namespace.class).forEach(n -> namespaceLabels.computeIfAbsent(n.getMetadata().getName(), k -> new HashMap<>())
                    .putAll(n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels()));
            m.workloads().forEach(w -> pods.add(new Pod(w.namespace(), w.id(), w.template().getMetadata().getLabels(),
                    w.template().getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream()).toList(),
                    Boolean.TRUE.equals(w.template().getSpec().getHostNetwork()))));
        }
    }

    List<Pod> pods() {
        return pods;
    }

    /** The pod labelled app.kubernetes.io/name=name in namespace. */
    Pod pod(String namespace, String name) {
        return pods.stream().filter(p -> p.namespace().equals(namespace) && name.equals(p.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no pod " + name + " in namespace " + namespace));
    }

    /** A pod that is not rendered here (kube-dns, the ingress controller): namespace, labels, one port. */
    static Pod outsider(String namespace, Map<String, String> labels, int port, String protocol) {
        return new Pod(namespace, "outside/" + labels, labels,
                List.of(new ContainerPortBuilder().withContainerPort(port).withProtocol(protocol).build()), false);
    }

    List<NetworkPolicy> policies() {
        return policies;
    }

    /** Whether src may open port/protocol on dst: src's egress and dst's ingress both admit it. */
    boolean allows(Peer src, Peer dst, int port, String protocol) {
        return egressAllows(src, dst, port, protocol) && ingressAllows(dst, src, port, protocol);
    }

    boolean egressAllows(Peer src, Peer dst, int port, String protocol) {
        if (!(src instanceof Pod p) || p.hostNetwork()) {
            return true;
        }
        List<NetworkPolicy> isolating = selecting(p, "Egress").toList();
        return isolating.isEmpty() || isolating.stream().flatMap(np -> np.getSpec().getEgress().stream())
                .anyMatch(r -> admits(r.getTo(), p.namespace(), dst) && admitsPort(r.getPorts(), dst, port, protocol));
    }

    boolean ingressAllows(Peer dst, Peer src, int port, String protocol) {
        if (!(dst instanceof Pod p) || p.hostNetwork()) {
            return true;
        }
        List<NetworkPolicy> isolating = selecting(p, "Ingress").toList();
        return isolating.isEmpty() || isolating.stream().flatMap(np -> np.getSpec().getIngress().stream())
                .anyMatch(r -> admits(r.getFrom(), p.namespace(), src) && admitsPort(r.getPorts(), dst, port, protocol));
    }

    /** A policy that selects every pod of its namespace, for both directions, and admits nothing. */
    static boolean isDefaultDeny(NetworkPolicy p) {
        LabelSelector s = p.getSpec().getPodSelector();
        boolean all = s == null || (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
                && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
        return all && types(p).containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty();
    }

    /** spec.policyTypes, or what Kubernetes defaults it to: Ingress, plus Egress when there are egress rules. */
    static List<String> types(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
            return p.getSpec().getPolicyTypes();
        }
        return p.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private Stream<NetworkPolicy> selecting(Pod pod, String type) {
        return policies.stream().filter(np -> Objects.equals(np.getMetadata().getNamespace(), pod.namespace()))
                .filter(np -> types(np).contains(type))
                .filter(np -> selector(np.getSpec().getPodSelector(), pod.labels()));
    }

    /** An empty or absent peer list admits everyone; else one peer must match. */
    private boolean admits(List<NetworkPolicyPeer> peers, String policyNamespace, Peer who) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> matches(peer, policyNamespace, who));
    }

    private boolean matches(NetworkPolicyPeer peer, String policyNamespace, Peer who) {
        if (peer.getIpBlock() != null) {
            return who instanceof Address a && inBlock(peer.getIpBlock(), a.ip());
        }
        if (!(who instanceof Pod p) || p.hostNetwork()) {
            return false;
        }
        boolean namespace = peer.getNamespaceSelector() == null ? p.namespace().equals(policyNamespace)
                : selector(peer.getNamespaceSelector(), labelsOf(p.namespace()));
        return namespace && (peer.getPodSelector() == null || selector(peer.getPodSelector(), p.labels()));
    }

    private Map<String, String> labelsOf(String namespace) {
        Map<String, String> labels = new HashMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }

    /** An empty or absent port list admits every port; a named port is the destination pod's declared one. */
    private static boolean admitsPort(List<NetworkPolicyPort> ports, Peer dst, int port, String protocol) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> {
            if (!Objects.equals(p.getProtocol() == null ? "TCP" : p.getProtocol(), protocol)) {
                return false;
            }
            if (p.getPort() == null) {
                return true;
            }
            if (p.getPort().getStrVal() != null) {
                return dst instanceof Pod d && d.ports().stream().anyMatch(c -> p.getPort().getStrVal().equals(c.getName())
                        && c.getContainerPort() == port && protocol.equals(c.getProtocol() == null ? "TCP" : c.getProtocol()));
            }
            int from = p.getPort().getIntVal();
            return port == from || p.getEndPort() != null && port >= from && port <= p.getEndPort();
        });
    }

    private static boolean selector(LabelSelector s, Map<String, String> labels) {
        return s == null || References.matches(s, labels == null ? Map.of() : labels);
    }

    static boolean inBlock(IPBlock block, String ip) {
        return inCidr(block.getCidr(), ip) && (block.getExcept() == null || block.getExcept().stream().noneMatch(e -> inCidr(e, ip)));
    }

    static boolean inCidr(String cidr, String ip) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(parts[0]) & mask) == (ipv4(ip) & mask);
    }

    private static long ipv4(String ip) {
        long v = 0;
        for (String octet : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(octet);
        }
        return v;
    }
}
