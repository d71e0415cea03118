package dev.ca4.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.bytes.BytesScenario;
import dev.ca4.bench.drain.DrainScenario;
import dev.ca4.bench.e2e.EndToEndScenario;
import dev.ca4.bench.ingest.IngestScenario;
import dev.ca4.bench.pipeline.Endpoints;
import dev.ca4.bench.pipeline.EventStore;
import dev.ca4.bench.pipeline.Events;
import dev.ca4.bench.pipeline.PipelineKafka;
import dev.ca4.bench.pipeline.PipelineTarget;
import dev.ca4.bench.pipeline.ProducerSettings;
import dev.ca4.bench.pipeline.TopicFiller;
import dev.ca4.bench.pipeline.WorkerControl;
import dev.ca4.bench.producer.ProducerScenario;
import dev.ca4.bench.search.SearchScenario;
import dev.ca4.bench.report.LoadAverage;
import dev.ca4.bench.report.MachineInfo;
import dev.ca4.bench.report.ResultsTable;
import dev.ca4.bench.report.ResultsWriter;
import dev.ca4.bench.report.Section;
import dev.ca4.event.EventJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code make bench}: measures the running local pipeline, prints a table and writes the figures as JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "1.0",
        description = "Measure ingest, worker drain, end-to-end latency and record size of the running local pipeline, "
                + "and the producer's ResNet50 embeddings/s against PyTorch.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {BenchCommand.OK + ":every scenario ran",
                BenchCommand.SCENARIO_FAILED + ":a scenario failed (the others' figures are still written)",
                CommandLine.ExitCode.USAGE + ":invalid options"})
public class BenchCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int SCENARIO_FAILED = 1;

    /**
     * Every scenario, in the order they run: bytes and ingest need the worker stopped, e2e needs it running;
     * producer needs no pipeline at all.
     */
    static final List<String> SCENARIOS = List.of("bytes", "ingest", "drain", "e2e", "producer", "search");

    @Option(names = {"-q", "--quick"}, description = "A few minutes instead of 10–15: fewer cases, shorter runs.")
    boolean quick;

    @Option(names = {"-r", "--runs"}, description = "Measured runs of each case (default: 3, quick: 2).")
    Integer runs;

    @Option(names = "--drain-seconds", description = "Seconds a drain at the sizing run's rate should last; N is sized from it (default: 60, quick: 6).")
    Integer drainSeconds;

    @Option(names = {"-s", "--scenarios"}, split = ",", defaultValue = "bytes,ingest,drain,e2e,producer",
            description = "Scenarios to run (default: ${DEFAULT-VALUE}). producer alone needs no pipeline; search "
                    + "needs the search service (make bench-search-service).")
    List<String> scenarios;

    @Option(names = {"-l", "--label"}, defaultValue = "", description = "Free text kept in the results (e.g. a change tried).")
    String label;

    @Option(names = "--store-backend", defaultValue = "h2",
            description = "The local store's backend the stack was started with, kept in the results (default: ${DEFAULT-VALUE}).")
    String storeBackend;

    @CommandLine.Mixin
    PipelineTarget target;

    @Option(names = "--processor-config", defaultValue = "processor-war/src/main/resources/META-INF/microprofile-config.properties",
            description = "The processor's config, whose Kafka producer settings the bench copies (default: ${DEFAULT-VALUE}).")
    Path processorConfig;

    @Option(names = {"-d", "--dim"}, defaultValue = "2048", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--producer-jar", defaultValue = "producer-dl4j/target/ca4-producer-cpu.jar",
            description = "The producer's CPU jar, whose engines the producer scenario runs (default: ${DEFAULT-VALUE}).")
    Path producerJar;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with Debian's python3-torch, for the PyTorch reference (default: ${DEFAULT-VALUE}).")
    Path python;

    @Option(names = "--torch-script", defaultValue = "bench/src/main/python/torch_resnet50.py",
            description = "The PyTorch reference script (default: ${DEFAULT-VALUE}).")
    Path torchScript;

    @Option(names = "--producer-threads", defaultValue = "2",
            description = "CPU threads of each engine in the producer scenario (default: ${DEFAULT-VALUE}).")
    int producerThreads;

    @Option(names = "--search", defaultValue = "http://localhost:9082",
            description = "The search service, for the search scenario (default: ${DEFAULT-VALUE}).")
    java.net.URI search;

    @Option(names = "--search-rate", defaultValue = "200",
            description = "Events/s offered in the search scenario (default: ${DEFAULT-VALUE}).")
    int searchRate;

    @Option(names = {"-o", "--results-dir"}, defaultValue = "bench/results", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    /** Held so the level sticks: the Kafka and Mongo clients' INFO lines would bury the progress lines. */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");
    private static final java.util.logging.Logger MONGO_LOG = java.util.logging.Logger.getLogger("org.mongodb");

    public static void main(String[] args) {
        KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
        MONGO_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean pipeline = scenarios.stream().anyMatch(s -> !s.equals("producer"));
        if (pipeline && !target.hasApiKey()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "no API key: set --api-key or CA4_API_KEYS");
        }
        List<String> unknown = scenarios.stream().filter(s -> !SCENARIOS.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "unknown scenario(s) " + unknown
                    + "; known: " + SCENARIOS);
        }
        BenchPlan plan = quick ? BenchPlan.quick() : BenchPlan.standard();
        if (runs != null) {
            plan = plan.withRuns(runs);
        }
        if (drainSeconds != null) {
            plan = plan.withDrainSeconds(drainSeconds);
        }
        Instant started = Instant.now();
        MachineInfo machine = MachineInfo.detect();
        LoadAverage loadBefore = LoadAverage.now();
        Endpoints endpoints = target.endpoints(pipeline);
        Events events = new Events(dim);
        TopicFiller filler = pipeline
                ? new TopicFiller(ProducerSettings.load(processorConfig, target.kafka), endpoints.topic(), events) : null;
        List<Section> sections = new ArrayList<>();
        boolean failed = false;
        try (BenchContext ctx = new BenchContext(plan, endpoints, events, new WorkerControl(target.workerServer, target.worker),
                pipeline ? new PipelineKafka(target.kafka, endpoints.topic(), endpoints.group()) : null,
                pipeline ? new EventStore(target.mongo, endpoints.database(), endpoints.collection()) : null,
                Files.createTempDirectory("ca4-bench"))) {
            ctx.log("machine: " + machine.cores() + " cores, load average " + loadBefore + ", commit "
                    + machine.gitCommit());
            boolean memoryStore = storeBackend.equals("memory");
            for (Scenario s : List.of(new BytesScenario(filler), new IngestScenario(),
                    new DrainScenario(filler, memoryStore), new EndToEndScenario(),
                    new ProducerScenario(producerJar, python, torchScript, producerThreads),
                    new SearchScenario(search, searchRate, dim))) {
                if (!scenarios.contains(s.name())) {
                    continue;
                }
                try {
                    sections.add(s.run(ctx));
                } catch (Exception e) {
                    failed = true;
                    ctx.log(s.name() + " FAILED: " + e);
                    e.printStackTrace();
                }
            }
        }
        LoadAverage loadAfter = LoadAverage.now();
        System.out.println();
        System.out.printf("machine: %d cores, %.1f GiB, %s, Java %s, commit %s; load average before %s, after %s; store backend %s%n",
                machine.cores(), machine.memoryBytes() / (double) (1L << 30), machine.cpuModel(),
                machine.javaVersion(), machine.gitCommit(), loadBefore, loadAfter, storeBackend);
        ResultsTable.print(sections, System.out);
        Path file = ResultsWriter.write(resultsDir, started, machine, loadBefore, loadAfter, planJson(plan), sections);
        System.out.println("results: " + file);
        return failed ? SCENARIO_FAILED : OK;
    }

    private ObjectNode planJson(BenchPlan plan) {
        ObjectNode j = EventJson.MAPPER.valueToTree(plan);
        j.put("quick", quick);
        j.put("label", label);
        j.put("store_backend", storeBackend);
        j.put("dim", dim);
        j.putPOJO("scenarios", scenarios);
        return j;
    }
}
