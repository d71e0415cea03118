package it.dev.ca4.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ca4.k8scheck.Dashboards;
import dev.ca4.k8scheck.Manifests;
import dev.ca4.k8scheck.Repo;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a real Prometheus (Debian's) scraping the locally running processor, worker and search service, with the
 * cluster's rule file, after real traffic (panel-test.sh sends sample events; this adds rejected requests, one
 * record the worker must dead-letter and a query of each kind to the search service): every Prometheus query of
 * every dashboard panel returns data, for each value of the dashboard's variables; every rule evaluates without
 * error; the manifests' probe paths answer 200.
 */
@EnabledIfSystemProperty(named = "ca4.prometheus.url", matches = ".+")
class PanelQueriesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Records ever written to the DLQ (its end offsets): the local stack keeps earlier runs' dead letters. */
    private static final String DLQ_WRITTEN = "sum(kafka_topic_partition_current_offset{topic=\"gpu-metadata-dlq\"})";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @BeforeAll
    static void rejectedRequestsADeadLetterAndSearches() throws Exception {
        String api = System.getProperty("ca4.processor.url", "http://127.0.0.1:9080");
        String key = System.getenv().getOrDefault("CA4_API_KEYS", "").split(",")[0].strip();
        assertEquals(401, post(api + "/metadata", "{}", null), "no API key");
        assertEquals(400, post(api + "/metadata", "{\"schema_version\":\"1\"}", key), "invalid event");
        searchOfEachKind(key);
        double before = value(query(DLQ_WRITTEN));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                System.getProperty("ca4.kafka", "127.0.0.1:9092"), "acks", "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("gpu-metadata", "poison-" + UUID.randomUUID(), "not an event")).get(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (value(query(DLQ_WRITTEN)) < before + 1) {
            assertTrue(System.nanoTime() < deadline, "the record the worker cannot parse never reached gpu-metadata-dlq (as seen by Prometheus)");
            Thread.sleep(1000);
        }
    }

    /**
     * POST /search until it finds an indexed event (panel-test.sh sends 2,048-d ones, the dimension the search
     * service indexes), then GET /similar of that event: each query kind's timer then has a p99.
     */
    private static void searchOfEachKind(String key) throws Exception {
        String search = System.getProperty("ca4.search.url", "http://127.0.0.1:9082");
        String query = "{\"k\": 1, \"values\": [" + String.join(",", java.util.Collections.nCopies(2048, "0.5")) + "]}";
        long deadline = System.nanoTime() + SETTLE.toNanos();
        JsonNode found;
        while (true) {
            HttpResponse<String> r = send(search + "/search", query, key);
            assertEquals(200, r.statusCode(), "POST /search: " + r.body());
            found = JSON.readTree(r.body()).path("results");
            if (!found.isEmpty()) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the search service indexed none of the events sent");
            Thread.sleep(1000);
        }
        String similar = search + "/similar/" + found.get(0).get("event_id").asText() + "?k=1";
        int status = HTTP.send(HttpRequest.newBuilder(URI.create(similar)).timeout(Duration.ofSeconds(10)).header("X-API-Key", key)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals(200, status, "GET " + similar);
    }

    @Test
    void everyPanelQueryReturnsData() throws Exception {
        List<String> empty = List.of();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int checked = 0;
        do {
            List<String> failing = new ArrayList<>();
            checked = 0;
            for (Dashboards.Dashboard d : Dashboards.all()) {
                for (Dashboards.Query q : Dashboards.queries(d)) {
                    if (!q.datasource().equals("prometheus")) {
                        continue;
                    }
                    for (Map<String, String> vars : variableCombinations(d, q.expr())) {
                        checked++;
                        String expr = substitute(q.expr(), vars);
                        if (!hasFiniteValue(query(expr))) {
                            failing.add(q.dashboard() + " / panel '" + q.panel() + "' " + vars + ": no data for " + expr);
                        }
                    }
                }
            }
            empty = failing;
            if (!empty.isEmpty()) {
                Thread.sleep(2000);
            }
        } while (!empty.isEmpty() && System.nanoTime() < deadline);
        assertEquals(List.of(), empty, "panels without data");
        assertTrue(checked >= 20, "checked only " + checked + " queries");
        System.out.println("panel queries with data: " + checked);
    }

    @Test
    void everyRuleEvaluatesWithoutError() throws Exception {
        JsonNode groups = get("/api/v1/rules").at("/data/groups");
        Set<String> alerts = new TreeSet<>();
        for (JsonNode g : groups) {
            for (JsonNode r : g.get("rules")) {
                assertEquals("ok", r.get("health").asText(), r.get("name").asText() + ": " + r.path("lastError").asText());
                if (r.get("type").asText().equals("alerting")) {
                    alerts.add(r.get("name").asText());
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of("ProcessorErrorRateHigh", "ProcessorPublishLatencyHigh", "ConsumerLagGrowing",
                "DeadLettersPresent", "WorkerNotReady", "WorkerStoreLatencyHigh")), alerts);
    }

    @Test
    void theManifestsProbePathsAnswerOnTheRunningServers() throws Exception {
        Manifests m = Manifests.render("k8s/app/overlays/local");
        for (String svc : List.of("processor", "worker", "search")) {
            Container c = m.find(Deployment.class, "app", svc).orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
            int port = c.getPorts().stream().filter(p -> p.getName().equals("http")).findFirst().orElseThrow().getContainerPort();
            for (var probe : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                String url = "http://127.0.0.1:" + port + probe.getHttpGet().getPath();
                int status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                assertEquals(200, status, svc + " probe " + url);
            }
        }
    }

    @Test
    void libertyJsonLogsCarryWhatPromtailExtracts() throws Exception {
        String promtail = Repo.read("k8s/monitoring/base/promtail/promtail.yaml");
        assertTrue(promtail.contains("format: \"2006-01-02T15:04:05.000-0700\""), "Promtail's ibm_datetime layout");
        var layout = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        for (String svc : List.of("processor", "worker", "search")) {
            var log = Repo.path(svc + "-war/target/liberty/wlp/usr/servers/" + svc + "/logs/messages.log");
            int messages = 0;
            for (String line : java.nio.file.Files.readAllLines(log)) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode j = JSON.readTree(line);
                if (j.path("type").asText().equals("liberty_message")) {
                    messages++;
                    for (String field : List.of("loglevel", "module", "message", "ibm_datetime")) {
                        assertTrue(j.hasNonNull(field), svc + " log line without " + field + ": " + line);
                    }
                    layout.parse(j.get("ibm_datetime").asText());
                }
            }
            assertTrue(messages > 10, svc + ": only " + messages + " JSON message lines in " + log);
        }
    }

    /** $__rate_interval etc. become fixed windows; custom variables take each of their values; "All" means .*. */
    private static List<Map<String, String>> variableCombinations(Dashboards.Dashboard d, String expr) {
        List<String> services = Dashboards.customValues(d, "service");
        if (!expr.contains("$service") || services.isEmpty()) {
            return List.of(Map.of());
        }
        return services.stream().map(s -> Map.of("service", s)).toList();
    }

    private static String substitute(String expr, Map<String, String> vars) {
        String out = expr.replace("$__rate_interval", "1m").replace("$__interval", "10s").replace("$__range", "5m")
                .replace("$instance", ".*");
        for (var e : vars.entrySet()) {
            out = out.replace("$" + e.getKey(), e.getValue());
        }
        return out;
    }

    private static boolean hasFiniteValue(JsonNode result) {
        for (JsonNode series : result) {
            double v = Double.parseDouble(series.at("/value/1").asText("NaN"));
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    private static double value(JsonNode result) {
        return result.isEmpty() ? 0 : Double.parseDouble(result.get(0).at("/value/1").asText("0"));
    }

    static JsonNode query(String expr) throws Exception {
        JsonNode r = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        assertEquals("success", r.path("status").asText(), expr + ": " + r);
        return r.at("/data/result");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(System.getProperty("ca4.prometheus.url") + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static int post(String url, String body, String key) throws Exception {
        return send(url, body, key).statusCode();
    }

    private static HttpResponse<String> send(String url, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
