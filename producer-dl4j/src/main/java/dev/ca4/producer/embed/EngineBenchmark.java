package dev.ca4.producer.embed;

import dev.ca4.event.GpuMetadataEvent;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Inference speed of one engine on the random-weights ResNet50, for {@code make bench} (part 5), which runs it in
 * a JVM of its own per engine: {@code java -cp ca4-producer-cpu.jar dev.ca4.producer.embed.EngineBenchmark
 * fast|dl4j BATCHES RUNS IMAGES_PER_RUN [THREADS]}, e.g. {@code fast 1,8,32 3 32}. For each batch size: one
 * unmeasured warm-up run, then RUNS runs of IMAGES_PER_RUN images each (whole batches); prints one JSON line per
 * batch size: images/s of each run, the peak resident memory so far, and for the fast engine the time per kind of
 * step. Inputs are random values in the preprocessor's range (speed does not depend on the pixels).
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: EngineBenchmark fast|dl4j BATCHES(1,8,32) RUNS IMAGES_PER_RUN [THREADS]");
            System.exit(2);
        }
        String engineName = args[0];
        int[] batches = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int runs = Integer.parseInt(args[2]);
        int imagesPerRun = Integer.parseInt(args[3]);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        ComputationGraph graph = ResNet50Graph.randomlyInitialised(WeightsLoader.RANDOM_SEED);
        var model = new GpuMetadataEvent.ModelInfo("resnet50", "random", engineName, ResNet50Graph.EMBEDDING_LAYER);
        try (EmbeddingEngine engine = switch (engineName) {
            case "fast" -> new FastResNet50Engine(graph, ResNet50Graph.EMBEDDING_LAYER, model,
                    ResNet50Graph.INPUT_SIZE, threads);
            case "dl4j" -> new Dl4jEngine(graph, ResNet50Graph.EMBEDDING_LAYER, model, ResNet50Graph.INPUT_SIZE);
            default -> throw new IllegalArgumentException("engine fast or dl4j, not " + engineName);
        }) {
            Random r = new Random(1);
            for (int batch : batches) {
                float[][] x = new float[batch][];
                for (int i = 0; i < batch; i++) {
                    x[i] = new float[3 * ResNet50Graph.INPUT_SIZE * ResNet50Graph.INPUT_SIZE];
                    for (int j = 0; j < x[i].length; j++) {
                        x[i][j] = (float) (r.nextDouble() * 255 - 120);
                    }
                }
                int perRun = Math.max(1, (imagesPerRun + batch - 1) / batch);
                timeRun(engine, x, perRun); // warm-up: JIT, buffers, workspaces
                if (engine instanceof FastResNet50Engine f) {
                    f.plan().profile(true);
                }
                List<Double> rates = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    rates.add(perRun * batch / timeRun(engine, x, perRun));
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "{\"engine\":\"%s\",\"batch\":%d,\"threads\":%d,\"images_per_run\":%d,\"peak_rss_bytes\":%d,"
                                + "\"images_per_s\":%s", engineName, batch, threads, perRun * batch, peakRss(),
                        rates.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList()));
                if (engine instanceof FastResNet50Engine f) {
                    Map<String, Long> p = new TreeMap<>(f.plan().profileNanos());
                    line.append(",\"profile_s\":{");
                    p.forEach((k, v) -> line.append(String.format(Locale.ROOT, "\"%s\":%.3f,", k, v / 1e9)));
                    line.setLength(line.length() - 1);
                    line.append("},\"buffer_bytes\":").append(f.plan().bufferBytes());
                    f.plan().profile(false);
                }
                System.out.println(line.append('}'));
            }
        } finally {
            graph.close();
        }
    }

    private static double timeRun(EmbeddingEngine engine, float[][] x, int batches) {
        long t0 = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            engine.embed(x);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** VmHWM of /proc/self/status (peak resident set), 0 where there is none. */
    private static long peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
