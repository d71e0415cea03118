package dev.ca4.bench.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON line of the producer's {@code EngineBenchmark} or of {@code torch_resnet50.py}: an engine at one batch
 * size, images/s of each measured run, and whatever else the line carries (profile, peak memory) for the JSON.
 */
record EngineResult(String engine, int batch, List<Double> imagesPerSecond, ObjectNode raw) {

    /** Every line that parses as such a result; other output (logs) is skipped. */
    static List<EngineResult> parse(String output) {
        List<EngineResult> results = new ArrayList<>();
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("{")) {
                continue;
            }
            try {
                JsonNode n = EventJson.MAPPER.readTree(l);
                if (n instanceof ObjectNode o && o.has("engine") && o.has("batch") && o.get("images_per_s").isArray()) {
                    List<Double> rates = new ArrayList<>();
                    o.get("images_per_s").forEach(v -> rates.add(v.asDouble()));
                    results.add(new EngineResult(o.get("engine").asText(), o.get("batch").asInt(), rates, o));
                }
            } catch (IOException e) {
                // a log line that happens to start with a brace
            }
        }
        return results;
    }
}
