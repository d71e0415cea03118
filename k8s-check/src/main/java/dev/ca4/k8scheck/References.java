package dev.ca4.k8scheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cross-object consistency of one rendered overlay: what Kubernetes accepts but then leaves broken (a Service
 * selecting no pod, a volume naming a ConfigMap that does not exist, a probe on a port the container lacks).
 * Secrets and ConfigMaps of namespace app that make ca4-platform-setup creates count as present, with the keys of
 * k8s/platform/templates.
 */
public final class References {

    private References() {
    }

    public static List<String> check(Manifests m) {
        List<String> out = new ArrayList<>();
        Map<String, Set<String>> config = configKeys(m);
        for (Manifests.Workload w : m.workloads()) {
            String ns = w.namespace();
            var labels = w.template().getMetadata().getLabels();
            LabelSelector selector = (LabelSelector) StrictValidator.get(StrictValidator.get(w.owner(), "spec"), "selector");
            if (selector != null && !matches(selector, labels)) {
                out.add(w.id() + ": selector does not match its pod template labels " + labels);
            }
            var spec = w.template().getSpec();
            spec.getVolumes().forEach(v -> {
                if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())) {
                    need(out, config, w.id(), ns, "ConfigMap", v.getConfigMap().getName(), keys(v.getConfigMap().getItems()));
                }
                if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())) {
                    need(out, config, w.id(), ns, "Secret", v.getSecret().getSecretName(), keys(v.getSecret().getItems()));
                }
                if (v.getPersistentVolumeClaim() != null
                        && m.find(PersistentVolumeClaim.class, ns, v.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
                    out.add(w.id() + ": volume " + v.getName() + " claims missing PVC " + v.getPersistentVolumeClaim().getClaimName());
                }
            });
            Stream.concat(spec.getContainers().stream(), spec.getInitContainers().stream()).forEach(c -> {
                c.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(e -> {
                    var s = e.getValueFrom().getSecretKeyRef();
                    if (s != null && !Boolean.TRUE.equals(s.getOptional())) {
                        need(out, config, w.id(), ns, "Secret", s.getName(), List.of(s.getKey()));
                    }
                    var cm = e.getValueFrom().getConfigMapKeyRef();
                    if (cm != null && !Boolean.TRUE.equals(cm.getOptional())) {
                        need(out, config, w.id(), ns, "ConfigMap", cm.getName(), List.of(cm.getKey()));
                    }
                });
                c.getEnvFrom().forEach(e -> {
                    if (e.getSecretRef() != null) {
                        need(out, config, w.id(), ns, "Secret", e.getSecretRef().getName(), List.of());
                    }
                    if (e.getConfigMapRef() != null) {
                        need(out, config, w.id(), ns, "ConfigMap", e.getConfigMapRef().getName(), List.of());
                    }
                });
                Set<String> mounts = spec.getVolumes().stream().map(v -> v.getName()).collect(Collectors.toSet());
                c.getVolumeMounts().stream().filter(vm -> !mounts.contains(vm.getName()) && !claimTemplate(w, vm.getName()))
                        .forEach(vm -> out.add(w.id() + ": " + c.getName() + " mounts undefined volume " + vm.getName()));
                Stream.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe()).filter(Objects::nonNull)
                        .forEach(p -> probePort(out, w.id(), c, p));
            });
            if (w.owner() instanceof StatefulSet s && m.find(Service.class, ns, s.getSpec().getServiceName())
                    .filter(svc -> "None".equals(svc.getSpec().getClusterIP())).isEmpty()) {
                out.add(w.id() + ": serviceName " + s.getSpec().getServiceName() + " is not a headless Service here");
            }
        }
        m.all(Service.class).forEach(s -> {
            List<Container> pods = selected(m, s.getMetadata().getNamespace(), s.getSpec().getSelector());
            if (pods.isEmpty()) {
                out.add("Service/" + s.getMetadata().getName() + ": selects no pod template " + s.getSpec().getSelector());
            }
            s.getSpec().getPorts().stream().map(p -> p.getTargetPort()).filter(t -> t != null && t.getStrVal() != null)
                    .filter(t -> pods.stream().noneMatch(c -> hasPort(c, t)))
                    .forEach(t -> out.add("Service/" + s.getMetadata().getName() + ": no selected container has port " + t.getStrVal()));
        });
        m.all(PodDisruptionBudget.class).forEach(p -> selects(out, m, p, p.getSpec().getSelector()));
        m.all(NetworkPolicy.class).filter(p -> !p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                .filter(p -> p.getMetadata().getAnnotations() == null || !p.getMetadata().getAnnotations().containsKey("ca4/pods-from"))
                .forEach(p -> selects(out, m, p, p.getSpec().getPodSelector()));
        m.all(HorizontalPodAutoscaler.class).forEach(h -> target(out, m, h, h.getSpec().getScaleTargetRef().getName()));
        m.all(GenericKubernetesResource.class).filter(g -> g.getKind().equals("ScaledObject"))
                .forEach(g -> target(out, m, g, String.valueOf(((Map<?, ?>) g.get("spec", "scaleTargetRef")).get("name"))));
        m.all(Ingress.class).forEach(i -> i.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(p -> {
            var b = p.getBackend().getService();
            boolean ok = m.find(Service.class, i.getMetadata().getNamespace(), b.getName()).stream()
                    .anyMatch(s -> s.getSpec().getPorts().stream().anyMatch(sp -> Objects.equals(sp.getName(), b.getPort().getName())
                            || Objects.equals(sp.getPort(), b.getPort().getNumber())));
            if (!ok) {
                out.add("Ingress/" + i.getMetadata().getName() + ": backend " + b.getName() + " port " + b.getPort() + " does not exist");
            }
        })));
        m.all(ClusterRoleBinding.class).forEach(b -> {
            if (m.find(ClusterRole.class, null, b.getRoleRef().getName()).isEmpty()) {
                out.add("ClusterRoleBinding/" + b.getMetadata().getName() + ": no ClusterRole " + b.getRoleRef().getName());
            }
            b.getSubjects().stream().filter(s -> s.getKind().equals("ServiceAccount")
                            && m.find(ServiceAccount.class, s.getNamespace(), s.getName()).isEmpty())
                    .forEach(s -> out.add("ClusterRoleBinding/" + b.getMetadata().getName() + ": no ServiceAccount " + s.getName()));
        });
        return out;
    }

    /** Keys of each Secret/ConfigMap by "Kind/namespace/name": this overlay's, then the templates' (namespace app). */
    static Map<String, Set<String>> configKeys(Manifests m) {
        Map<String, Set<String>> keys = new HashMap<>();
        Stream.concat(Templates.objects().stream(), m.items().stream()).forEach(r -> {
            if (r instanceof Secret s) {
                Set<String> k = new java.util.HashSet<>(s.getData() == null ? Set.of() : s.getData().keySet());
                k.addAll(s.getStringData() == null ? Set.of() : s.getStringData().keySet());
                keys.put("Secret/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), k);
            } else if (r instanceof ConfigMap c) {
                keys.put("ConfigMap/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(),
                        c.getData() == null ? Set.of() : c.getData().keySet());
            }
        });
        return keys;
    }

    private static void need(List<String> out, Map<String, Set<String>> config, String who, String ns, String kind,
                             String name, List<String> keys) {
        Set<String> have = config.get(kind + "/" + ns + "/" + name);
        if (have == null) {
            out.add(who + ": refers to missing " + kind + " " + ns + "/" + name);
        } else {
            keys.stream().filter(k -> !have.contains(k))
                    .forEach(k -> out.add(who + ": " + kind + " " + name + " has no key " + k));
        }
    }

    private static List<String> keys(List<io.fabric8.kubernetes.api.model.KeyToPath> items) {
        return items == null ? List.of() : items.stream().map(i -> i.getKey()).toList();
    }

    private static boolean claimTemplate(Manifests.Workload w, String name) {
        return w.owner() instanceof StatefulSet s && s.getSpec().getVolumeClaimTemplates().stream()
                .anyMatch(t -> t.getMetadata().getName().equals(name));
    }

    private static void probePort(List<String> out, String who, Container c, Probe p) {
        IntOrString port = p.getHttpGet() != null ? p.getHttpGet().getPort() : p.getTcpSocket() != null ? p.getTcpSocket().getPort() : null;
        if (port != null && !hasPort(c, port)) {
            out.add(who + ": " + c.getName() + " probes port " + (port.getStrVal() != null ? port.getStrVal() : port.getIntVal())
                    + " it does not declare");
        }
    }

    static boolean hasPort(Container c, IntOrString port) {
        return c.getPorts().stream().anyMatch(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                : Objects.equals(port.getIntVal(), p.getContainerPort()));
    }

    private static List<Container> selected(Manifests m, String ns, Map<String, String> selector) {
        return m.workloads().stream().filter(w -> Objects.equals(ns, w.namespace()))
                .filter(w -> selector != null && !selector.isEmpty() && podLabels(w).entrySet().containsAll(selector.entrySet()))
                .flatMap(w -> w.template().getSpec().getContainers().stream()).toList();
    }

    private static void selects(List<String> out, Manifests m, HasMetadata who, LabelSelector selector) {
        boolean any = m.workloads().stream().anyMatch(w -> Objects.equals(who.getMetadata().getNamespace(), w.namespace())
                && matches(selector, w.template().getMetadata().getLabels()));
        if (!any) {
            out.add(who.getKind() + "/" + who.getMetadata().getName() + ": selects no pod template " + selector.getMatchLabels());
        }
    }

    private static void target(List<String> out, Manifests m, HasMetadata who, String deployment) {
        if (m.find(io.fabric8.kubernetes.api.model.apps.Deployment.class, who.getMetadata().getNamespace(), deployment).isEmpty()) {
            out.add(who.getKind() + "/" + who.getMetadata().getName() + ": scales missing Deployment " + deployment);
        }
    }

    /** The template's labels, plus the pod-name label a StatefulSet controller puts on its first pod. */
    private static Map<String, String> podLabels(Manifests.Workload w) {
        Map<String, String> labels = new HashMap<>(w.template().getMetadata().getLabels());
        if (w.owner() instanceof StatefulSet s) {
            labels.put("statefulset.kubernetes.io/pod-name", s.getMetadata().getName() + "-0");
        }
        return labels;
    }

    static boolean matches(LabelSelector s, Map<String, String> labels) {
        boolean byLabels = s.getMatchLabels() == null || labels.entrySet().containsAll(s.getMatchLabels().entrySet());
        boolean byExpr = s.getMatchExpressions() == null || s.getMatchExpressions().stream().allMatch(e -> switch (e.getOperator()) {
            case "In" -> e.getValues().contains(labels.get(e.getKey()));
            case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
            case "Exists" -> labels.containsKey(e.getKey());
            default -> !labels.containsKey(e.getKey());
        });
        return byLabels && byExpr;
    }
}
