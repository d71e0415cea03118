package dev.ca4.k8scheck;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A rendered overlay as typed fabric8 objects (unknown kinds become GenericKubernetesResource). */
public record Manifests(String source, List<HasMetadata> items) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    public static Manifests parse(String source, String yaml) {
        List<HasMetadata> items = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (!doc.isBlank()) {
                items.add(SERIALIZATION.unmarshal(doc));
            }
        }
        return new Manifests(source, items);
    }

    public static Manifests render(String overlay) {
        return parse(overlay, Repo.render(overlay));
    }

    public <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast);
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return all(type).filter(r -> name.equals(r.getMetadata().getName()) && same(namespace, r)).findFirst();
    }

    static boolean same(String namespace, HasMetadata r) {
        return namespace == null || namespace.equals(r.getMetadata().getNamespace());
    }

    /** Every workload's pod template, named "Kind/name". */
    public List<Workload> workloads() {
        List<Workload> out = new ArrayList<>();
        all(Deployment.class).forEach(d -> out.add(new Workload(d, d.getSpec().getTemplate())));
        all(StatefulSet.class).forEach(s -> out.add(new Workload(s, s.getSpec().getTemplate())));
        all(DaemonSet.class).forEach(s -> out.add(new Workload(s, s.getSpec().getTemplate())));
        all(Job.class).forEach(j -> out.add(new Workload(j, j.getSpec().getTemplate())));
        return out;
    }

    public record Workload(HasMetadata owner, PodTemplateSpec template) {
        public String id() {
            return owner.getKind() + "/" + owner.getMetadata().getName();
        }

        public String namespace() {
            return owner.getMetadata().getNamespace();
        }
    }
}
