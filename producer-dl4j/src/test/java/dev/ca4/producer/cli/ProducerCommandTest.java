package dev.ca4.producer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerCommandTest {
    private static final String SECRET = "ca4-local-0123456789abcdef";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ProducerCommand.commandLine(new ProducerCommand(env));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void dryRunWritesValidEventsAndReportsTheBadFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.png"), "not a png");
        Path events = dir.resolve("out/events.jsonl");
        Path receipts = dir.resolve("out/receipts.jsonl");

        Run r = run(Map.of(), "--weights", "random", "--output", events.toString(), "--receipts",
                receipts.toString(), "--run-id", "unit", "--tags", "site=lab", "--batch-size", "2",
                "samples/house.png", "samples/sunset.jpg", bad.toString());

        assertEquals(ExitCodes.IMAGES_FAILED, r.exit(), "one image failed");
        List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        EventValidator validator = new EventValidator();
        for (String line : lines) {
            EventValidator.Result v = validator.validate(EventJson.parse(line.getBytes(StandardCharsets.UTF_8)));
            assertTrue(v.valid(), v.violations().toString());
            assertEquals("random", v.event().model().weights());
            assertTrue(v.event().model().framework().endsWith("+fast-openblas"), "the CPU jar's default engine");
            assertEquals(2048, v.event().embedding().dim());
            assertEquals("cpu", v.event().gpu().backend());
            assertEquals("unit", v.event().source().runId());
            assertEquals(Map.of("site", "lab"), v.event().tags());
            assertTrue(v.event().timingsMs().inference() > 0);
        }
        List<JsonNode> rec = Files.readAllLines(receipts).stream().map(l -> EventJson.parse(l.getBytes())).toList();
        assertEquals(3, rec.size());
        JsonNode failed = rec.stream().filter(n -> n.get("image").asText().endsWith("broken.png")).findFirst()
                .orElseThrow();
        assertEquals("failed", failed.get("outcome").asText());
        assertTrue(failed.get("detail").asText().contains("not an image"));
        assertEquals(2, rec.stream().filter(n -> n.get("outcome").asText().equals("written")).count());
    }

    @Test
    void helpExplainsEveryOptionAndTheExitCodesButNeverShowsTheKey() {
        Run r = run(Map.of("CA4_API_KEY", SECRET), "--help");
        assertEquals(0, r.exit());
        CommandLine.Model.CommandSpec spec = new CommandLine(new ProducerCommand()).getCommandSpec();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            assertTrue(r.out().contains(o.longestName()), o.longestName());
            assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), o.longestName());
        }
        assertTrue(r.out().contains("Exit codes:") && r.out().contains("weights unavailable"));
        assertFalse(r.out().contains(SECRET));
    }

    @Test
    void missingWeightsFileExitsWithItsName() {
        Run r = run(Map.of(), "--weights", dir.resolve("gone.zip").toString(), "--dry-run", "samples");
        assertEquals(ExitCodes.WEIGHTS_UNAVAILABLE, r.exit());
        assertTrue(r.err().contains("weights file not found: " + dir.resolve("gone.zip")), r.err());
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        assertEquals(ExitCodes.INVALID_INPUT, run(Map.of(), "--dry-run").exit());
        Run batch = run(Map.of(), "--dry-run", "--batch-size", "0", "samples");
        assertEquals(ExitCodes.INVALID_INPUT, batch.exit());
        assertTrue(batch.err().contains("--batch-size must be 1 to 1000"), batch.err());
        Run noKey = run(Map.of(), "samples");
        assertEquals(ExitCodes.INVALID_INPUT, noKey.exit());
        assertTrue(noKey.err().contains("no API key"), noKey.err());
        Run empty = run(Map.of(), "--dry-run", dir.toString());
        assertEquals(ExitCodes.INVALID_INPUT, empty.exit());
        assertTrue(empty.err().contains("no images found"), empty.err());
        assertEquals(ExitCodes.INVALID_INPUT, run(Map.of(), "--batch-size", "x", "samples").exit());
        Run engine = run(Map.of(), "--dry-run", "--engine", "gpu", "samples");
        assertEquals(ExitCodes.INVALID_INPUT, engine.exit());
        assertTrue(engine.err().contains("--engine must be auto, fast or dl4j"), engine.err());
    }

    @Test
    void apiKeyComesFromTheEnvironmentAndNeverAppearsInErrors() {
        ProducerCommand fromKeys = new ProducerCommand(Map.of("CA4_API_KEYS", SECRET + ",other"));
        new CommandLine(fromKeys).parseArgs("samples");
        assertEquals(SECRET, fromKeys.settings().apiKey());
        ProducerCommand fromKey = new ProducerCommand(Map.of("CA4_API_KEY", "k1", "CA4_API_KEYS", SECRET));
        new CommandLine(fromKey).parseArgs("samples");
        assertEquals("k1", fromKey.settings().apiKey());
        assertFalse(fromKey.settings().toString().contains("k1"));
        Run r = run(Map.of("CA4_API_KEY", SECRET), "--batch-size", "5000", "samples");
        assertFalse(r.err().contains(SECRET));
    }
}
