package dev.ca4.chaos;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.pipeline.Events;
import dev.ca4.bench.report.LoadAverage;
import dev.ca4.bench.report.MachineInfo;
import dev.ca4.event.EventJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.ca4.chaos.Pipeline.log;

/** {@code make chaos}: each fault in turn under load, every event counted; a table and a JSON file. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Inject one fault at a time under load and count every event (store, archive, DLQ, recovery).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {ChaosCommand.EXACT + ":every scenario exact and recovered in time",
                ChaosCommand.SCENARIO_FAILED + ":a scenario lost, duplicated, stored a refused event, had a wrong DLQ "
                        + "or recovered too late", CommandLine.ExitCode.USAGE + ":invalid options"})
public class ChaosCommand implements Callable<Integer> {
    static final int EXACT = 0;
    static final int SCENARIO_FAILED = 1;

    static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Mixin
    PipelineOptions pipeline;

    @Option(names = {"-s", "--scenarios"}, split = ",",
            defaultValue = "kafka-kill,worker-kill,worker-stop,mongo-stop,s3-stop,processor-restart",
            description = "Scenarios, in order (default: ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = {"-q", "--quick"}, description = "The short version (make test): 25 events/s for 24 s, 10 s outages.")
    boolean quick;

    @Option(names = {"-r", "--rate"}, description = "Offered events/s, over all clients (default 50, quick 25).")
    Double rate;

    @Option(names = {"-d", "--duration"}, description = "Seconds of load per scenario (default 60, quick 24).")
    Double duration;

    @Option(names = "--outage", description = "Seconds the store or S3 stays stopped (default 30, quick 10).")
    Integer outage;

    @Option(names = "--clients", defaultValue = "4", description = "Client threads, half single, half batch (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--recovery-bound", defaultValue = "150",
            description = "Seconds recovery and drain may each take before the scenario fails (default: ${DEFAULT-VALUE}).")
    double recoveryBound;

    @Option(names = "--dim", defaultValue = "128", description = "Embedding size of the events (default: ${DEFAULT-VALUE}).")
    int dim;

    @Override
    public Integer call() throws Exception {
        List<Fault> faults = new ArrayList<>();
        for (String s : scenarios) {
            try {
                faults.add(Fault.of(s.strip()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
            }
        }
        ChaosPlan plan = new ChaosPlan(rate != null ? rate : quick ? 25 : 50, duration != null ? duration : quick ? 24 : 60,
                clients, outage != null ? outage : quick ? 10 : 30, recoveryBound, dim, new Events(dim).template());
        Instant started = Instant.now();
        MachineInfo machine = MachineInfo.detect();
        LoadAverage before = LoadAverage.now();
        List<ScenarioResult> results = new ArrayList<>();
        boolean failed = false;
        try (Pipeline p = pipeline.pipeline()) {
            ScenarioRunner runner = new ScenarioRunner(p, plan);
            for (Fault f : faults) {
                try {
                    ScenarioResult r = runner.run(f);
                    results.add(r);
                    failed |= !r.ok();
                } catch (Exception e) {
                    failed = true;
                    log(f.id() + " could not run: " + e);
                    e.printStackTrace();
                    results.add(new ScenarioResult(f.id(), f.description(), 0, plan.rate(), 0,
                            Tally.of(new Ledger(), java.util.Map.of()), null, 0, 0, 0, 0, Double.NaN, Double.NaN,
                            plan.recoveryBoundSeconds(), Double.NaN, List.of("could not run: " + e)));
                }
            }
        }
        LoadAverage after = LoadAverage.now();
        System.out.println();
        System.out.printf("machine: %d cores, %s, commit %s; load average before %s, after %s; %s events/s for %s s per "
                        + "scenario, %d s outages, archive %s%n", machine.cores(), machine.cpuModel(), machine.gitCommit(),
                before, after, plan.rate(), plan.loadSeconds(), plan.outageSeconds(), pipeline.archive() ? "on" : "off");
        ResultsTable.print(results, System.out);
        ObjectNode root = EventJson.MAPPER.createObjectNode();
        root.put("started_at", started.toString());
        root.put("finished_at", Instant.now().toString());
        root.set("machine", EventJson.MAPPER.valueToTree(machine));
        root.set("load_average_before", EventJson.MAPPER.valueToTree(before));
        root.set("load_average_after", EventJson.MAPPER.valueToTree(after));
        ObjectNode planJson = EventJson.MAPPER.valueToTree(plan);
        planJson.put("quick", quick);
        planJson.put("archive", pipeline.archive());
        root.set("plan", planJson);
        root.set("scenarios", EventJson.MAPPER.valueToTree(results));
        root.put("ok", !failed);
        Path file = write(pipeline.resultsDir, "chaos-" + FILE_TIME.format(started) + ".json", root);
        System.out.println("results: " + file);
        return failed ? SCENARIO_FAILED : EXACT;
    }

    static Path write(Path dir, String name, ObjectNode root) throws java.io.IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, EventJson.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
        return file;
    }
}
