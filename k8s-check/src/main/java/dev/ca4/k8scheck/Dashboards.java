package dev.ca4.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Grafana dashboards and datasources of k8s/monitoring, as JSON trees. */
public final class Dashboards {

    public static final String DIR = "k8s/monitoring/base/grafana/dashboards";
    public static final String DATASOURCES = "k8s/monitoring/base/grafana/provisioning/datasources.yaml";
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Dashboards() {
    }

    public record Dashboard(String file, JsonNode json) {
    }

    /** A panel query: its dashboard, panel title, datasource uid and expression. */
    public record Query(String dashboard, String panel, String datasource, String expr) {
    }

    public static List<Dashboard> all() {
        try (Stream<Path> files = Files.list(Repo.path(DIR))) {
            List<Dashboard> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Dashboard(f.getFileName().toString(), JSON.readTree(f.toFile())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode datasources() {
        try {
            return YAML.readTree(Repo.path(DATASOURCES).toFile()).get("datasources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Query> queries(Dashboard d) {
        List<Query> out = new ArrayList<>();
        for (JsonNode p : d.json().get("panels")) {
            for (JsonNode t : p.path("targets")) {
                String ds = t.path("datasource").path("uid").asText(p.path("datasource").path("uid").asText());
                out.add(new Query(d.json().get("title").asText(), p.get("title").asText(), ds, t.path("expr").asText()));
            }
        }
        return out;
    }

    /** The values a dashboard variable can take (custom variables list them; query variables mean "All"). */
    public static List<String> customValues(Dashboard d, String variable) {
        for (JsonNode v : d.json().path("templating").path("list")) {
            if (v.get("name").asText().equals(variable) && v.get("type").asText().equals("custom")) {
                return List.of(v.get("query").asText().split(","));
            }
        }
        return List.of();
    }
}
