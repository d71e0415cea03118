package dev.ca4.producer.cli;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.producer.BuildInfo;
import dev.ca4.producer.client.Backoff;
import dev.ca4.producer.client.ProcessorClient;
import dev.ca4.producer.embed.EmbeddingEngine;
import dev.ca4.producer.embed.PretrainedWeights;
import dev.ca4.producer.embed.WeightsException;
import dev.ca4.producer.embed.WeightsLoader;
import dev.ca4.producer.gpu.BackendCheck;
import dev.ca4.producer.gpu.GpuProbe;
import dev.ca4.producer.gpu.GpuReadings;
import dev.ca4.producer.image.InputScanner;
import dev.ca4.producer.image.ResNetPreprocessor;
import dev.ca4.producer.run.EventFactory;
import dev.ca4.producer.run.EventSink;
import dev.ca4.producer.run.HttpSink;
import dev.ca4.producer.run.JsonLinesSink;
import dev.ca4.producer.run.ProducerPipeline;
import dev.ca4.producer.run.Progress;
import dev.ca4.producer.run.Receipts;
import dev.ca4.producer.run.RunStats;
import dev.ca4.producer.run.Summary;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.logging.Logger;

/** Wires one run from its settings: inputs, model, GPU facts, sink, progress; then runs the pipeline. */
final class ProducerRun {
    private static final Logger LOG = Logger.getLogger(ProducerRun.class.getName());

    private final ProducerSettings s;

    ProducerRun(ProducerSettings settings) {
        this.s = settings;
    }

    Summary execute() throws IOException, InterruptedException, WeightsException,
            BackendCheck.BackendUnavailableException {
        InputScanner.Inputs inputs = InputScanner.scan(s.inputs(), s.listFiles());
        if (!inputs.skipped().isEmpty()) {
            LOG.info("left out " + inputs.skipped().size() + " files without an image suffix, e.g. "
                    + inputs.skipped().get(0));
        }
        if (inputs.images().isEmpty()) {
            throw new ExitException(ExitCodes.INVALID_INPUT, "no images found in " + s.inputs() + " " + s.listFiles());
        }
        String runId = s.runId() != null ? s.runId() : generatedRunId();
        LOG.info(inputs.images().size() + " images, run_id " + runId + ", weights " + s.weights() + ", "
                + s.engine().name().toLowerCase(java.util.Locale.ROOT) + " engine, "
                + BuildInfo.BACKEND + " backend (" + BackendCheck.start() + ")");
        WeightsLoader loader = new WeightsLoader(s.weightsBaseUrl() == null ? PretrainedWeights.resnet50Imagenet()
                : PretrainedWeights.resnet50Imagenet(s.weightsBaseUrl()),
                Duration.ofSeconds(s.downloadTimeoutSeconds()));
        try (EmbeddingEngine engine = loader.load(s.weights(), s.modelName(), s.layer(), s.engine(), s.threads());
             Receipts receipts = s.receipts() == null ? Receipts.none() : Receipts.to(s.receipts());
             GpuReadings gpu = GpuReadings.start(GpuProbe.system(), Duration.ofMillis(s.gpuSampleMs()))) {
            LOG.info("device: " + gpu.get().backend() + ", " + gpu.get().name());
            var source = new GpuMetadataEvent.Source(BuildInfo.producerName(), runId, host());
            EventFactory events = new EventFactory(source, engine.model(), gpu, s.tags(), Clock.systemUTC());
            RunStats stats = new RunStats(inputs.images().size(), s.noPost());
            try (Progress progress = progress(stats, inputs.images().size())) {
                return new ProducerPipeline(new ResNetPreprocessor(), engine, events, sink(), stats, progress,
                        receipts, new ProducerPipeline.Settings(s.batchSize(), s.decodeThreads()))
                        .run(inputs.images());
            }
        }
    }

    private EventSink sink() throws IOException {
        if (!s.noPost()) {
            return new HttpSink(new ProcessorClient(s.api(), s.apiKey(), Backoff.standard(),
                    Duration.ofSeconds(s.giveUpAfterSeconds()), s.tls()), s.concurrency());
        }
        if (s.output() == null) {
            return new JsonLinesSink(System.out, false);
        }
        if (s.output().toAbsolutePath().getParent() != null) {
            Files.createDirectories(s.output().toAbsolutePath().getParent());
        }
        return new JsonLinesSink(Files.newOutputStream(s.output()), true);
    }

    /** A bar on a terminal; plain lines every 10 s otherwise (CI logs, notebooks). */
    private static Progress progress(RunStats stats, int total) {
        return System.console() != null ? Progress.bar(stats, total, System.err)
                : Progress.lines(stats, total, System.err, 10);
    }

    private static String generatedRunId() {
        return "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
