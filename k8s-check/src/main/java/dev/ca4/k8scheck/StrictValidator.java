package dev.ca4.k8scheck;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What `kubectl apply` would refuse or silently drop, found offline: a field the typed fabric8 model does not
 * know (it lands in additionalProperties: a typo or a wrong level), a required field left out, a kind that is not
 * a Kubernetes type. Each finding names the object and the path of the field.
 */
public final class StrictValidator {

    private static final String MODEL = "io.fabric8.kubernetes.api.model.";

    /** Custom resources we ship on purpose (checked field by field elsewhere). */
    static final Set<String> KNOWN_CUSTOM_KINDS = Set.of("keda.sh/v1alpha1/ScaledObject");

    /** Required fields per model class (the API reference's required fields, plus a few every real object has). */
    static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(MODEL + "Container", List.of("name", "image")),
            Map.entry(MODEL + "ContainerPort", List.of("containerPort")),
            Map.entry(MODEL + "EnvVar", List.of("name")),
            Map.entry(MODEL + "VolumeMount", List.of("name", "mountPath")),
            Map.entry(MODEL + "Volume", List.of("name")),
            Map.entry(MODEL + "KeyToPath", List.of("key", "path")),
            Map.entry(MODEL + "SecretKeySelector", List.of("name", "key")),
            Map.entry(MODEL + "ConfigMapKeySelector", List.of("name", "key")),
            Map.entry(MODEL + "ServicePort", List.of("port")),
            Map.entry(MODEL + "ServiceSpec", List.of("ports", "selector")),
            Map.entry(MODEL + "PodSpec", List.of("containers")),
            Map.entry(MODEL + "HTTPGetAction", List.of("path", "port")),
            Map.entry(MODEL + "TCPSocketAction", List.of("port")),
            Map.entry(MODEL + "LabelSelectorRequirement", List.of("key", "operator")),
            Map.entry(MODEL + "PersistentVolumeClaimSpec", List.of("accessModes", "resources")),
            Map.entry(MODEL + "apps.DeploymentSpec", List.of("selector", "template")),
            Map.entry(MODEL + "apps.StatefulSetSpec", List.of("selector", "template", "serviceName")),
            Map.entry(MODEL + "apps.DaemonSetSpec", List.of("selector", "template")),
            Map.entry(MODEL + "batch.v1.JobSpec", List.of("template")),
            Map.entry(MODEL + "autoscaling.v2.HorizontalPodAutoscalerSpec", List.of("scaleTargetRef", "maxReplicas")),
            Map.entry(MODEL + "autoscaling.v2.CrossVersionObjectReference", List.of("kind", "name")),
            Map.entry(MODEL + "policy.v1.PodDisruptionBudgetSpec", List.of("selector")),
            Map.entry(MODEL + "networking.v1.NetworkPolicySpec", List.of("podSelector")),
            Map.entry(MODEL + "networking.v1.HTTPIngressPath", List.of("pathType", "backend")),
            Map.entry(MODEL + "networking.v1.IngressServiceBackend", List.of("name", "port")),
            Map.entry(MODEL + "rbac.RoleRef", List.of("apiGroup", "kind", "name")),
            Map.entry(MODEL + "rbac.Subject", List.of("kind", "name")),
            Map.entry(MODEL + "rbac.PolicyRule", List.of("verbs")));

    private StrictValidator() {
    }

    public static List<String> validate(Manifests manifests) {
        List<String> findings = new ArrayList<>();
        for (HasMetadata r : manifests.items()) {
            String id = manifests.source() + ": " + r.getKind() + "/" + (r.getMetadata() == null ? "?" : r.getMetadata().getName());
            if (r instanceof GenericKubernetesResource) {
                if (!KNOWN_CUSTOM_KINDS.contains(r.getApiVersion() + "/" + r.getKind())) {
                    findings.add(id + ": " + r.getApiVersion() + " " + r.getKind() + " is not a Kubernetes type fabric8 knows");
                }
                continue;
            }
            if (r.getMetadata() == null || r.getMetadata().getName() == null || r.getMetadata().getName().isBlank()) {
                findings.add(id + ": metadata.name is missing");
            }
            walk(r, id, findings, new IdentityHashMap<>());
        }
        return findings;
    }

    private static void walk(Object o, String path, List<String> findings, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]", findings, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, findings, seen));
            return;
        }
        if (!o.getClass().getName().startsWith(MODEL)) {
            return;
        }
        for (String field : REQUIRED.getOrDefault(o.getClass().getName(), List.of())) {
            if (isEmpty(get(o, field))) {
                findings.add(path + ": required field '" + field + "' is missing");
            }
        }
        if (o instanceof Probe p && p.getHttpGet() == null && p.getTcpSocket() == null && p.getExec() == null
                && p.getGrpc() == null) {
            findings.add(path + ": probe has no httpGet, tcpSocket, exec or grpc");
        }
        for (Method m : o.getClass().getMethods()) {
            if (!m.getName().startsWith("get") || m.getParameterCount() > 0 || Modifier.isStatic(m.getModifiers())
                    || m.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(m, o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    findings.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            walk(value, path + "." + decapitalize(m.getName().substring(3)), findings, seen);
        }
    }

    static Object get(Object o, String field) {
        try {
            return o.getClass().getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1)).invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(o.getClass() + " has no field " + field, e);
        }
    }

    private static Object invoke(Method m, Object o) {
        try {
            return m.invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(m.toString(), e);
        }
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof Collection<?> c && c.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
