package dev.ca4.k8scheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every container: requests (cpu, memory) and a memory limit, no privilege escalation, a read-only root
 * filesystem. In namespaces labelled pod-security.kubernetes.io/enforce=restricted, also what that profile
 * demands, so the API server would not refuse the pods: non-root, all capabilities dropped, RuntimeDefault
 * seccomp, no host namespaces or host paths.
 */
public final class PodPolicy {

    private PodPolicy() {
    }

    /** Namespaces whose Namespace object (k8s/platform/base/namespaces) enforces "restricted". */
    public static Set<String> restrictedNamespaces() {
        return Manifests.render("k8s/platform/base/namespaces").all(Namespace.class)
                .filter(n -> "restricted".equals(n.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce")))
                .map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
    }

    public static List<String> check(Manifests m) {
        Set<String> restricted = restrictedNamespaces();
        List<String> out = new ArrayList<>();
        for (Manifests.Workload w : m.workloads()) {
            var spec = w.template().getSpec();
            PodSecurityContext pod = spec.getSecurityContext() == null ? new PodSecurityContext() : spec.getSecurityContext();
            boolean strict = restricted.contains(w.namespace());
            if (strict && (Boolean.TRUE.equals(spec.getHostNetwork()) || Boolean.TRUE.equals(spec.getHostPID())
                    || spec.getVolumes().stream().anyMatch(v -> v.getHostPath() != null))) {
                out.add(w.id() + ": host network, PID or path in restricted namespace " + w.namespace());
            }
            for (Container c : Stream.concat(spec.getContainers().stream(), spec.getInitContainers().stream()).toList()) {
                String who = w.id() + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
                Map<String, Quantity> req = c.getResources() == null ? Map.of() : c.getResources().getRequests();
                Map<String, Quantity> lim = c.getResources() == null ? Map.of() : c.getResources().getLimits();
                if (!req.containsKey("cpu") || !req.containsKey("memory") || !lim.containsKey("memory")) {
                    out.add(who + ": needs cpu and memory requests and a memory limit");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    out.add(who + ": allowPrivilegeEscalation must be false");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    out.add(who + ": readOnlyRootFilesystem must be true");
                }
                if (!strict) {
                    continue;
                }
                if (!Boolean.TRUE.equals(sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod.getRunAsNonRoot())) {
                    out.add(who + ": runAsNonRoot must be true (restricted namespace " + w.namespace() + ")");
                }
                if (sc.getCapabilities() == null || !sc.getCapabilities().getDrop().contains("ALL")
                        || !sc.getCapabilities().getAdd().isEmpty()) {
                    out.add(who + ": must drop ALL capabilities and add none (restricted)");
                }
                var seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod.getSeccompProfile();
                if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
                    out.add(who + ": seccompProfile RuntimeDefault required (restricted)");
                }
            }
        }
        return out;
    }
}
