package dev.ca4.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboards are JSON of the schema the deployed Grafana (11.x: schemaVersion 39, Angular panels gone) loads,
 * reach only provisioned datasources, use only defined variables, and are all in the ConfigMap Grafana reads.
 */
class DashboardTest {

    static final int SCHEMA_VERSION = 39;
    static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "bargauge", "table", "logs", "text", "row");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");

    @Test
    void dashboardsFollowTheCurrentSchema() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> datasourceTypes = new java.util.HashMap<>();
        Dashboards.datasources().forEach(ds -> datasourceTypes.put(ds.get("uid").asText(), ds.get("type").asText()));
        Set<String> uids = new HashSet<>();
        assertTrue(Dashboards.all().size() >= 2, "an overview and a per-service dashboard");
        for (Dashboards.Dashboard d : Dashboards.all()) {
            JsonNode j = d.json();
            String f = d.file();
            if (!uids.add(j.path("uid").asText()) || j.path("uid").asText().isBlank() || j.path("title").asText().isBlank()) {
                wrong.add(f + ": needs a unique uid and a title");
            }
            if (j.path("schemaVersion").asInt() < SCHEMA_VERSION) {
                wrong.add(f + ": schemaVersion " + j.path("schemaVersion") + " < " + SCHEMA_VERSION);
            }
            Set<String> variables = new HashSet<>();
            j.path("templating").path("list").forEach(v -> variables.add(v.get("name").asText()));
            Set<Integer> ids = new HashSet<>();
            for (JsonNode p : j.get("panels")) {
                String where = f + " panel '" + p.path("title").asText() + "'";
                if (!ids.add(p.path("id").asInt(-1)) || p.path("title").asText().isBlank()) {
                    wrong.add(where + ": needs a unique id and a title");
                }
                if (!PANEL_TYPES.contains(p.path("type").asText())) {
                    wrong.add(where + ": panel type " + p.path("type") + " is not a current (non-Angular) type");
                }
                JsonNode g = p.path("gridPos");
                if (g.path("w").asInt() <= 0 || g.path("h").asInt() <= 0 || g.path("x").asInt() + g.path("w").asInt() > 24) {
                    wrong.add(where + ": gridPos must fit the 24 columns");
                }
                if (p.path("type").asText().equals("row")) {
                    // A row only heads the panels below it. Collapsed, it would hold them inside, where
                    // Dashboards.queries (and so the live panel test) does not look.
                    if (p.has("targets") || p.path("collapsed").asBoolean() || !p.path("panels").isEmpty()) {
                        wrong.add(where + ": a row has no query, is not collapsed and holds no panels");
                    }
                    continue;
                }
                String uid = p.path("datasource").path("uid").asText();
                if (!p.path("datasource").path("type").asText().equals(datasourceTypes.get(uid))) {
                    wrong.add(where + ": datasource " + p.path("datasource") + " is not provisioned");
                }
                Set<String> refIds = new HashSet<>();
                if (p.path("targets").isEmpty()) {
                    wrong.add(where + ": no query");
                }
                for (JsonNode t : p.path("targets")) {
                    if (t.path("expr").asText().isBlank() || !refIds.add(t.path("refId").asText())) {
                        wrong.add(where + ": each target needs an expr and its own refId");
                    }
                    Matcher m = VARIABLE.matcher(t.path("expr").asText());
                    while (m.find()) {
                        if (!m.group(1).startsWith("__") && !variables.contains(m.group(1))) {
                            wrong.add(where + ": uses undefined variable $" + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void grafanaLoadsEveryDashboardAndReachesItsDatasources() {
        Manifests m = Manifests.render("k8s/monitoring/overlays/aws");
        ConfigMap dashboards = m.all(ConfigMap.class).filter(c -> c.getMetadata().getName().startsWith("grafana-dashboards")).findFirst().orElseThrow();
        assertEquals(Dashboards.all().stream().map(Dashboards.Dashboard::file).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(dashboards.getData().keySet()), "every file of " + Dashboards.DIR + " is in the ConfigMap");
        var grafana = m.find(Deployment.class, "monitoring", "grafana").orElseThrow().getSpec().getTemplate().getSpec();
        String volume = grafana.getVolumes().stream().filter(v -> v.getConfigMap() != null
                && v.getConfigMap().getName().equals(dashboards.getMetadata().getName())).findFirst().orElseThrow().getName();
        String mount = grafana.getContainers().get(0).getVolumeMounts().stream().filter(v -> v.getName().equals(volume))
                .findFirst().orElseThrow().getMountPath();
        assertTrue(Repo.read("k8s/monitoring/base/grafana/provisioning/dashboards.yaml").contains("path: " + mount),
                "the dashboard provider reads " + mount);
        for (JsonNode ds : Dashboards.datasources()) {
            URI url = URI.create(ds.get("url").asText());
            String[] host = url.getHost().split("\\.");
            Service s = m.find(Service.class, host[1], host[0]).orElseThrow(() -> new AssertionError("no Service for " + url));
            assertTrue(s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == url.getPort()), url.toString());
        }
    }

    @Test
    void lokiQueriesUseLabelsPromtailSets() {
        String promtail = Repo.read("k8s/monitoring/base/promtail/promtail.yaml");
        for (Dashboards.Dashboard d : Dashboards.all()) {
            for (Dashboards.Query q : Dashboards.queries(d)) {
                if (!q.datasource().equals("loki")) {
                    continue;
                }
                Matcher m = Pattern.compile("(\\w+)=~?\"").matcher(q.expr().substring(0, q.expr().indexOf('}')));
                while (m.find()) {
                    assertTrue(promtail.contains("target_label: " + m.group(1)), q.panel() + ": Promtail sets no label " + m.group(1));
                }
                if (q.expr().contains("loglevel")) {
                    assertTrue(promtail.contains("loglevel: loglevel"), "Promtail extracts Liberty's loglevel");
                }
            }
        }
    }
}
