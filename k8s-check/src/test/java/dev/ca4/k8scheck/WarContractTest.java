package dev.ca4.k8scheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app Deployments of each overlay match what the WARs really serve and read. */
class WarContractTest {

    private static final Set<String> NOT_CONFIG = Set.of("JAVA_TOOL_OPTIONS", "OPENJ9_JAVA_OPTIONS", "TZ");
    /** The Liberty servers the app overlays deploy, each from its WAR (SERVICE-war). */
    private static final List<String> SERVERS = List.of("processor", "worker", "search");

    @ParameterizedTest
    @ValueSource(strings = {"k8s/app/overlays/aws", "k8s/app/overlays/local"})
    void imagesPortsAndProbesMatchTheServers(String overlay) {
        Manifests m = Manifests.render(overlay);
        assertTrue(WarFacts.features().contains("mpHealth-4.0"), "the probes need MP Health in " + WarFacts.COMMON);
        for (String svc : SERVERS) {
            WarFacts war = WarFacts.of(svc);
            Deployment d = m.find(Deployment.class, "app", svc).orElseThrow();
            var spec = d.getSpec().getTemplate().getSpec();
            Container c = spec.getContainers().get(0);
            String image = "ca4.local/" + svc + ":" + WarFacts.pomProperty("project.version");
            assertEquals(image, c.getImage(), svc + " image (make images builds " + image + ")");
            assertEquals(image, spec.getInitContainers().get(0).getImage(), svc + " init container image");
            assertEquals(Map.of("http", war.httpPort(), "https", war.httpsPort()),
                    Map.of("http", port(c, "http"), "https", port(c, "https")), svc + " container ports vs server.xml");
            assertEquals(List.of("/health/started", "/health/ready", "/health/live"),
                    Stream.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())
                            .map(p -> p.getHttpGet().getPath()).toList(), svc + " probe paths (MP Health)");
            Service s = m.find(Service.class, "app", svc).orElseThrow();
            assertEquals(war.httpPort(), s.getSpec().getPorts().get(0).getPort(), "Service " + svc + " port (make/aws.mk CA4_*_PORT)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/app/overlays/aws", "k8s/app/overlays/local"})
    void everyEnvironmentVariableIsAConfigKeyOfItsWar(String overlay) {
        Manifests m = Manifests.render(overlay);
        Map<String, Set<String>> config = References.configKeys(m);
        List<String> wrong = new ArrayList<>();
        for (String svc : SERVERS) {
            WarFacts war = WarFacts.of(svc);
            Container c = m.find(Deployment.class, "app", svc).orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
            List<String> names = new ArrayList<>(c.getEnv().stream().map(e -> e.getName()).toList());
            c.getEnvFrom().forEach(e -> names.addAll(e.getSecretRef() != null
                    ? config.get("Secret/app/" + e.getSecretRef().getName()) : config.get("ConfigMap/app/" + e.getConfigMapRef().getName())));
            names.stream().filter(n -> n.matches("[A-Za-z_][A-Za-z0-9_]*") && !NOT_CONFIG.contains(n) && !war.readsEnv(n))
                    .forEach(n -> wrong.add(svc + " gets " + n + ", which " + war.module() + " does not read"));
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/app/overlays/aws", "k8s/app/overlays/local"})
    void onlyTheWorkerGetsStoreAndArchiveConfig(String overlay) {
        Manifests m = Manifests.render(overlay);
        String processor = m.find(Deployment.class, "app", "processor").orElseThrow().getSpec().getTemplate().toString();
        assertTrue(!processor.contains("ca4-mongo-credentials") && !processor.contains("ca4-s3-config"),
                "the processor never talks to the database or S3 (docs/design.md)");
        String search = m.find(Deployment.class, "app", "search").orElseThrow().getSpec().getTemplate().toString();
        assertTrue(!search.contains("ca4-mongo-credentials") && !search.contains("ca4-s3-config"),
                "the search service rebuilds from the topic: no database, no S3");
        Deployment worker = m.find(Deployment.class, "app", "worker").orElseThrow();
        var mount = worker.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .filter(v -> v.getName().equals("mongo-ca")).findFirst().orElseThrow();
        String caFile = Templates.objects().stream().filter(o -> o.getMetadata().getName().equals("ca4-mongo-credentials"))
                .map(o -> ((io.fabric8.kubernetes.api.model.Secret) o).getStringData().get("CA4_MONGO_TLS_CA_FILE")).findFirst().orElseThrow();
        assertEquals(caFile, mount.getMountPath() + "/ca.pem", "CA4_MONGO_TLS_CA_FILE must be where the worker mounts ca.pem");
    }

    /** On AWS every server serves HTTPS with the keystore of the Secret ca4-liberty-tls, mounted read-only. */
    @org.junit.jupiter.api.Test
    void theHttpsKeystoreIsMountedFromItsSecretWhereLibertyLooksForIt() {
        Manifests m = Manifests.render("k8s/app/overlays/aws");
        assertTrue(Repo.read(WarFacts.COMMON).contains("location=\"${ca4.keystore.location}\""),
                "ca4-common.xml's defaultKeyStore reads its location from ca4.keystore.location");
        var secretKeys = Templates.objects().stream().filter(o -> o.getMetadata().getName().equals("ca4-liberty-tls"))
                .map(o -> ((io.fabric8.kubernetes.api.model.Secret) o).getStringData().keySet()).findFirst().orElseThrow();
        assertEquals(Set.of("key.p12"), secretKeys);
        for (String svc : SERVERS) {
            var pod = m.find(Deployment.class, "app", svc).orElseThrow().getSpec().getTemplate().getSpec();
            Container c = pod.getContainers().get(0);
            var volume = pod.getVolumes().stream().filter(v -> v.getSecret() != null
                    && "ca4-liberty-tls".equals(v.getSecret().getSecretName())).findFirst()
                    .orElseThrow(() -> new AssertionError(svc + " has no volume of Secret ca4-liberty-tls"));
            var mount = c.getVolumeMounts().stream().filter(v -> v.getName().equals(volume.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(svc + " does not mount " + volume.getName()));
            assertTrue(Boolean.TRUE.equals(mount.getReadOnly()), svc + ": the keystore mount is read-only");
            String location = c.getEnv().stream().filter(e -> e.getName().equals("CA4_KEYSTORE_LOCATION")).findFirst()
                    .orElseThrow(() -> new AssertionError(svc + " lacks CA4_KEYSTORE_LOCATION")).getValue();
            String file = volume.getSecret().getItems().stream().filter(i -> i.getKey().equals("key.p12")).findFirst()
                    .orElseThrow().getPath();
            assertEquals(mount.getMountPath() + "/" + file, location, svc + ": CA4_KEYSTORE_LOCATION is the mounted key.p12");
            assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null
                    && e.getSecretRef().getName().equals("ca4-liberty")), svc + " gets CA4_KEYSTORE_PASSWORD from ca4-liberty");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/app/overlays/aws", "k8s/app/overlays/local"})
    void everyServerReachesTheKafkaBootstrapServiceAndTopicsExist(String overlay) {
        Manifests app = Manifests.render(overlay);
        Manifests platform = Manifests.render(overlay.replace("/app/", "/platform/"));
        for (String svc : SERVERS) {
            String bootstrap = app.find(Deployment.class, "app", svc).orElseThrow().getSpec().getTemplate().getSpec()
                    .getContainers().get(0).getEnv().stream().filter(e -> e.getName().equals("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS"))
                    .findFirst().orElseThrow().getValue();
            String[] hostPort = bootstrap.split(":");
            String[] dns = hostPort[0].split("\\.");
            Service kafka = platform.find(Service.class, dns[1], dns[0]).orElseThrow(() -> new AssertionError(svc + ": no Service " + bootstrap));
            assertTrue(kafka.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == Integer.parseInt(hostPort[1])), bootstrap);
        }
        String script = Repo.read("k8s/platform/base/kafka/create-topics.sh");
        for (String topic : List.of(WarFacts.of("processor").defaults().getProperty("mp.messaging.outgoing.gpuMetadata.topic"),
                WarFacts.of("worker").defaults().getProperty("mp.messaging.incoming.gpuMetadata.topic"),
                WarFacts.of("worker").defaults().getProperty("mp.messaging.outgoing.deadLetters.topic"),
                WarFacts.of("search").defaults().getProperty("ca4.search.topic"))) {
            assertTrue(script.contains("--topic " + topic + " "), "the topic Job creates " + topic);
        }
    }

    /** The search API takes the processor's keys: the same Secret and key, so one key works for both. */
    @ParameterizedTest
    @ValueSource(strings = {"k8s/app/overlays/aws", "k8s/app/overlays/local"})
    void theSearchServiceGetsTheProcessorsApiKeys(String overlay) {
        Manifests m = Manifests.render(overlay);
        Map<String, String> keys = new java.util.TreeMap<>();
        for (String svc : List.of("processor", "search")) {
            var env = m.find(Deployment.class, "app", svc).orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getEnv().stream().filter(e -> e.getName().equals("CA4_API_KEYS")).findFirst()
                    .orElseThrow(() -> new AssertionError(svc + " lacks CA4_API_KEYS"));
            var ref = env.getValueFrom().getSecretKeyRef();
            keys.put(svc, ref.getName() + "/" + ref.getKey());
        }
        assertEquals(keys.get("processor"), keys.get("search"), "the Secret key CA4_API_KEYS comes from");
        assertTrue(WarFacts.of("search").readsEnv("CA4_API_KEYS"), "search-war reads ca4.api.keys");
    }

    /** The root file system is read-only: the snapshot directory must be a writable volume of the pod. */
    @ParameterizedTest
    @ValueSource(strings = {"k8s/app/overlays/aws", "k8s/app/overlays/local"})
    void theSearchSnapshotIsOnAWritableVolume(String overlay) {
        var pod = Manifests.render(overlay).find(Deployment.class, "app", "search").orElseThrow().getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        String dir = c.getEnv().stream().filter(e -> e.getName().equals("CA4_SEARCH_DATA_DIR")).findFirst()
                .orElseThrow(() -> new AssertionError("search lacks CA4_SEARCH_DATA_DIR (its default is inside the image)")).getValue();
        assertTrue(WarFacts.of("search").readsEnv("CA4_SEARCH_DATA_DIR"), "search-war reads ca4.search.data-dir");
        var mount = c.getVolumeMounts().stream().filter(v -> v.getMountPath().equals(dir)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at CA4_SEARCH_DATA_DIR=" + dir));
        assertTrue(!Boolean.TRUE.equals(mount.getReadOnly()), "the snapshot's mount is writable");
        var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertTrue(volume.getEmptyDir() != null || volume.getPersistentVolumeClaim() != null,
                "the snapshot's volume is an emptyDir or a claim, not a Secret or ConfigMap: " + volume.getName());
    }

    @org.junit.jupiter.api.Test
    void kedaScalesTheWorkersConsumerGroupOnItsTopic() {
        Manifests m = Manifests.render("k8s/app/overlays/aws-keda");
        GenericKubernetesResource so = m.all(GenericKubernetesResource.class).filter(g -> g.getKind().equals("ScaledObject")).findFirst().orElseThrow();
        Map<?, ?> trigger = (Map<?, ?>) ((List<?>) so.get("spec", "triggers")).get(0);
        Map<?, ?> meta = (Map<?, ?>) trigger.get("metadata");
        var worker = WarFacts.of("worker").defaults();
        assertEquals("kafka", trigger.get("type"));
        assertEquals(worker.getProperty("mp.messaging.incoming.gpuMetadata.group.id"), meta.get("consumerGroup"));
        assertEquals(worker.getProperty("mp.messaging.incoming.gpuMetadata.topic"), meta.get("topic"));
        String bootstrap = m.find(Deployment.class, "app", "worker").orElseThrow().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().get(0).getValue();
        assertEquals(bootstrap, meta.get("bootstrapServers"));
    }

    private static int port(Container c, String name) {
        return c.getPorts().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow().getContainerPort();
    }
}
