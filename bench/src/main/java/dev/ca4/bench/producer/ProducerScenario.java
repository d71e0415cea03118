package dev.ca4.bench.producer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.BenchContext;
import dev.ca4.bench.Scenario;
import dev.ca4.bench.report.Figure;
import dev.ca4.bench.report.Section;
import dev.ca4.event.EventJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Part 5: ResNet50 embeddings/s on the CPU. The producer's fast engine (batch sizes of the plan), its DL4J engine
 * (batch 8, the producer's default) and, as the reference, the same network in Debian's PyTorch with 2 threads,
 * each in a process of its own, one after the other, in rounds (one measured run of each per round); random
 * weights, 224×224 inputs, inference only (no decoding, no posting). Each process warms up once per batch size
 * before its measured run. Needs no pipeline.
 */
public final class ProducerScenario implements Scenario {
    /** Batch size of the DL4J engine's figure (the producer's default --batch-size). */
    static final int DL4J_BATCH = 8;

    private final Path producerJar;
    private final Path python;
    private final Path torchScript;
    private final int threads;

    public ProducerScenario(Path producerJar, Path python, Path torchScript, int threads) {
        this.producerJar = producerJar;
        this.python = python;
        this.torchScript = torchScript;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "producer";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        requireFile(producerJar, "the producer's CPU jar (mvn -pl producer-dl4j -am package)");
        requireFile(python, "Debian's python3 with python3-torch (apt-get install python3-torch)");
        requireFile(torchScript, "the PyTorch reference script");
        List<Integer> batches = ctx.plan().producerBatches();
        int runs = ctx.plan().runs();
        int images = ctx.plan().producerImagesPerRun();
        String batchList = String.join(",", batches.stream().map(String::valueOf).toList());

        // Rounds instead of one long process per engine: each round runs every engine once (warm-up + one
        // measured run per batch size), so that each pair of PyTorch / fast samples saw about the same load from
        // the machine's other users, and the ratio is taken per round.
        List<List<EngineResult>> rounds = new ArrayList<>();
        for (int round = 1; round <= runs; round++) {
            List<EngineResult> r = new ArrayList<>();
            ctx.log("producer: round " + round + "/" + runs + ": PyTorch, fast engine (batches " + batchList
                    + "), DL4J engine (batch " + DL4J_BATCH + ")");
            r.addAll(EngineResult.parse(run(ctx, List.of(python.toString(), torchScript.toString(), batchList, "1",
                    String.valueOf(images), String.valueOf(threads)))));
            r.addAll(EngineResult.parse(run(ctx, java("fast", batchList, 1, images))));
            // DL4J runs at a fraction of the others' speed: half the images keep its part of the bench short.
            r.addAll(EngineResult.parse(run(ctx, java("dl4j", String.valueOf(DL4J_BATCH), 1,
                    Math.max(DL4J_BATCH, images / 2)))));
            rounds.add(r);
        }

        String s = name();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String engine : List.of("pytorch", "fast", "dl4j")) {
            for (int b : engine.equals("dl4j") ? List.of(DL4J_BATCH) : batches) {
                List<Double> samples = new ArrayList<>();
                rounds.forEach(r -> find(r, engine, b).ifPresent(e -> samples.addAll(e.imagesPerSecond())));
                if (!samples.isEmpty()) {
                    figures.add(new Figure(s, label(engine) + " batch " + b, "embeddings", "images/s", samples));
                }
            }
        }
        for (int b : batches) {
            figures.addAll(ratio(s, "fast / PyTorch batch " + b, rounds, "fast", b));
            figures.addAll(ratio(s, "DL4J / PyTorch batch " + b, rounds, "dl4j", b));
        }
        notes.add("inference only, random weights, 224×224, " + threads + " threads each; each engine in its own "
                + "process, one after the other, in " + runs + " rounds; speed ratio = engine / PyTorch within a round");
        ObjectNode details = EventJson.MAPPER.createObjectNode();
        details.put("threads", threads);
        details.put("images_per_run", images);
        ArrayNode lines = details.putArray("engines");
        rounds.forEach(r -> r.forEach(e -> lines.add(e.raw())));
        return new Section(s, figures, details, notes);
    }

    private List<String> java(String engine, String batches, int runs, int images) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", producerJar.toString(), "dev.ca4.producer.embed.EngineBenchmark", engine, batches,
                String.valueOf(runs), String.valueOf(images), String.valueOf(threads));
    }

    /** Runs one engine's process to its end; its stdout holds the JSON lines, stderr goes to a log in workDir. */
    private static String run(BenchContext ctx, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(ctx.workDir(), "producer", ".out");
        Path err = Files.createTempFile(ctx.workDir(), "producer", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd.get(0) + " did not finish in 20 minutes");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || EngineResult.parse(stdout).isEmpty()) {
            String tail = Files.readString(err, StandardCharsets.UTF_8);
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": "
                    + tail.substring(Math.max(0, tail.length() - 2000)));
        }
        return stdout;
    }

    /** engine / PyTorch images/s at batch b, one sample per round that has both (none: no figure). */
    static List<Figure> ratio(String scenario, String caseName, List<List<EngineResult>> rounds, String engine,
                              int batch) {
        List<Double> samples = new ArrayList<>();
        for (List<EngineResult> r : rounds) {
            Optional<EngineResult> e = find(r, engine, batch);
            Optional<EngineResult> torch = find(r, "pytorch", batch);
            if (e.isPresent() && torch.isPresent()) {
                samples.add(median(e.get()) / median(torch.get()));
            }
        }
        return samples.isEmpty() ? List.of() : List.of(new Figure(scenario, caseName, "speed ratio", "×", samples));
    }

    private static double median(EngineResult r) {
        return new Figure("", "", "", "", r.imagesPerSecond()).spread().median();
    }

    private static Optional<EngineResult> find(List<EngineResult> rs, String engine, int batch) {
        return rs.stream().filter(r -> r.engine().equals(engine) && r.batch() == batch).findFirst();
    }

    private static String label(String engine) {
        return switch (engine) {
            case "pytorch" -> "PyTorch";
            case "dl4j" -> "DL4J";
            default -> engine;
        };
    }

    private static void requireFile(Path f, String what) {
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException(f.toAbsolutePath() + " not found: " + what);
        }
    }
}
