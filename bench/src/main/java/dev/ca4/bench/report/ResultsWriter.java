package dev.ca4.bench.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes one run of the bench as JSON: machine, load, plan, and every section's figures and details. */
public final class ResultsWriter {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ResultsWriter() {
    }

    public static Path write(Path dir, Instant started, MachineInfo machine, LoadAverage loadBefore,
                             LoadAverage loadAfter, ObjectNode plan, List<Section> sections) throws IOException {
        ObjectNode root = EventJson.MAPPER.createObjectNode();
        root.put("started_at", started.toString());
        root.put("finished_at", Instant.now().toString());
        root.set("machine", EventJson.MAPPER.valueToTree(machine));
        ObjectNode load = root.putObject("load_average");
        load.set("before", EventJson.MAPPER.valueToTree(loadBefore));
        load.set("after", EventJson.MAPPER.valueToTree(loadAfter));
        root.set("plan", plan);
        ObjectNode out = root.putObject("sections");
        for (Section s : sections) {
            ObjectNode section = out.putObject(s.name());
            ArrayNode figures = section.putArray("figures");
            for (Figure f : s.figures()) {
                ObjectNode fig = figures.addObject();
                fig.put("case", f.caseName());
                fig.put("metric", f.metric());
                fig.put("unit", f.unit());
                Spread sp = f.spread();
                fig.put("median", sp.median());
                fig.put("min", sp.min());
                fig.put("max", sp.max());
                ArrayNode samples = fig.putArray("samples");
                f.samples().forEach(samples::add);
            }
            section.set("details", s.details());
            ArrayNode notes = section.putArray("notes");
            s.notes().forEach(notes::add);
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-" + FILE_TIME.format(started) + ".json");
        Files.write(file, EventJson.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
        return file;
    }
}
