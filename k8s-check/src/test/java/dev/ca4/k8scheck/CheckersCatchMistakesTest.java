package dev.ca4.k8scheck;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validators find the mistakes they exist for (so a green RenderedOverlaysTest means something). */
class CheckersCatchMistakesTest {

    private static final String GOOD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: app}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: web}}
              template:
                metadata: {labels: {app.kubernetes.io/name: web}}
                spec:
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  containers:
                    - name: web
                      image: ca4.local/web:1
                      ports: [{name: http, containerPort: 8080}]
                      readinessProbe: {httpGet: {path: /health/ready, port: http}}
                      resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: {drop: [ALL]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: app}
            spec:
              selector: {app.kubernetes.io/name: web}
              ports: [{port: 80, targetPort: http}]
            """;

    private static Manifests parse(String yaml) {
        return Manifests.parse("fixture", yaml);
    }

    @Test
    void acceptsAGoodDeploymentAndService() {
        Manifests m = parse(GOOD);
        assertEquals(List.of(), StrictValidator.validate(m));
        assertEquals(List.of(), References.check(m));
        assertEquals(List.of(), PodPolicy.check(m));
    }

    @Test
    void namesAMisspelledFieldWithItsPath() {
        List<String> f = StrictValidator.validate(parse(GOOD.replace("readinessProbe:", "readinesProbe:")));
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("Deployment/web.spec.template.spec.containers[0]: unknown field(s) [readinesProbe]"), f.get(0));
    }

    @Test
    void namesAMissingRequiredField() {
        List<String> f = StrictValidator.validate(parse(GOOD.replace("image: ca4.local/web:1", "imagePullPolicy: Always")));
        assertTrue(f.stream().anyMatch(s -> s.endsWith("containers[0]: required field 'image' is missing")), f.toString());
    }

    @Test
    void refusesAKindKubernetesDoesNotHave() {
        List<String> f = StrictValidator.validate(parse(GOOD.replace("kind: Deployment", "kind: Deploymnet")));
        assertTrue(f.stream().anyMatch(s -> s.contains("Deploymnet is not a Kubernetes type")), f.toString());
    }

    @Test
    void everyClassOfTheRequiredTableExists() throws ClassNotFoundException {
        for (String type : StrictValidator.REQUIRED.keySet()) {
            Class.forName(type);
        }
    }

    @Test
    void findsBrokenReferences() {
        String broken = GOOD.replace("{app.kubernetes.io/name: web}\n  ports", "{app.kubernetes.io/name: webb}\n  ports")
                .replace("port: http}}", "port: metrics}}")
                .replace("      securityContext: {runAsNonRoot", "      volumes: [{name: cfg, configMap: {name: nowhere}}]\n      securityContext: {runAsNonRoot");
        List<String> f = References.check(parse(broken));
        assertTrue(f.contains("Service/web: selects no pod template {app.kubernetes.io/name=webb}"), f.toString());
        assertTrue(f.contains("Deployment/web: web probes port metrics it does not declare"), f.toString());
        assertTrue(f.contains("Deployment/web: refers to missing ConfigMap app/nowhere"), f.toString());
    }

    @Test
    void findsUnhardenedAndUnsizedPods() {
        String loose = GOOD.replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")
                .replace("resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}", "resources: {}")
                .replace("capabilities: {drop: [ALL]}", "capabilities: {add: [NET_ADMIN]}");
        List<String> f = PodPolicy.check(parse(loose));
        assertEquals(List.of("Deployment/web/web: needs cpu and memory requests and a memory limit",
                "Deployment/web/web: allowPrivilegeEscalation must be false",
                "Deployment/web/web: must drop ALL capabilities and add none (restricted)"), f);
    }
}
