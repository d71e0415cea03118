package dev.ca4.k8scheck;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;

/** The Secrets/ConfigMap of namespace app that make ca4-platform-setup creates (k8s/platform/templates). */
public final class Templates {

    public static final String DIR = "k8s/platform/templates";
    private static List<HasMetadata> objects;

    private Templates() {
    }

    public static synchronized List<HasMetadata> objects() {
        if (objects == null) {
            objects = Manifests.render(DIR).items();
        }
        return objects;
    }
}
