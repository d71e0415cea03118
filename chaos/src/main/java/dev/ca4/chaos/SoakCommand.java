package dev.ca4.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.e2e.OpenLoopSchedule;
import dev.ca4.bench.e2e.OpenLoopSender;
import dev.ca4.bench.e2e.SendResult;
import dev.ca4.bench.pipeline.Events;
import dev.ca4.bench.report.LoadAverage;
import dev.ca4.bench.report.MachineInfo;
import dev.ca4.event.EventJson;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ca4.chaos.Pipeline.log;

/**
 * {@code make soak}: a steady open-loop load (bench's sender, one schedule per minute) for many minutes, with the
 * servers' heap after GC, open fds and threads sampled meanwhile; a table per minute and a verdict start vs end.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Steady load for many minutes: throughput, p99 per minute, heap after GC, fds and threads.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {SoakCommand.STEADY + ":nothing grew",
                SoakCommand.GREW + ":heap, fds, threads or p99 grew beyond the bounds",
                CommandLine.ExitCode.USAGE + ":invalid options"})
public class SoakCommand implements Callable<Integer> {
    static final int STEADY = 0;
    static final int GREW = 1;


    @Mixin
    PipelineOptions pipeline;

    @Option(names = {"-m", "--minutes"}, defaultValue = "10", description = "Length (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = {"-r", "--rate"}, defaultValue = "50", description = "Offered events/s (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--sample-seconds", defaultValue = "10", description = "Seconds between resource samples (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--e2e-samples", defaultValue = "200", description = "Events per minute whose stored latency is read back (default: ${DEFAULT-VALUE}).")
    int e2eSamples;

    @Option(names = "--connections", defaultValue = "32", description = "Most requests in flight at once, as a client's connection pool; an event waiting for one counts that wait in its latency (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--dim", defaultValue = "512", description = "Embedding size of the events (default: ${DEFAULT-VALUE}).")
    int dim;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        MachineInfo machine = MachineInfo.detect();
        LoadAverage before = LoadAverage.now();
        List<ProcessSample> samples = Collections.synchronizedList(new ArrayList<>());
        List<SendResult> sent = new ArrayList<>();
        List<List<String>> probes = new ArrayList<>();
        try (Pipeline p = pipeline.pipeline()) {
            OpenLoopSender sender = new OpenLoopSender(p.endpoints().api().resolve("/metadata"), p.endpoints().apiKey(),
                    new Events(dim).template(), connections);
            long t0 = System.nanoTime();
            Thread sampler = new Thread(() -> sample(p, t0, samples), "soak-sampler");
            sampler.setDaemon(true);
            sampler.start();
            log("soak: " + rate + " events/s for " + minutes + " min; samples every " + sampleSeconds + " s");
            int every = Math.max(1, (int) (rate * 60 / e2eSamples));
            for (int m = 0; m < minutes; m++) {
                long start = t0 + m * 60_000_000_000L;
                OpenLoopSchedule schedule = OpenLoopSchedule.of(rate, 60, start,
                        Instant.now().plusNanos(start - System.nanoTime()));
                List<String> probe = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger n = new AtomicInteger();
                SendResult r = sender.run(schedule, (id, intended) -> {
                    if (n.getAndIncrement() % every == 0) {
                        probe.add(id);
                    }
                });
                sent.add(r);
                probes.add(probe);
                log(String.format(Locale.ROOT, "soak minute %d: %d accepted, %d not, POST p99 %.0f ms", m + 1,
                        r.accepted().size(), r.non202(), r.responseMicros().getValueAtPercentile(99) / 1000.0));
            }
            sampler.interrupt();
            sampler.join();
            long drainEnd = System.nanoTime() + 120_000_000_000L;
            while (p.lag() != 0 && System.nanoTime() < drainEnd) {
                Thread.sleep(500);
            }
            List<SoakMinute> table = new ArrayList<>();
            for (int m = 0; m < sent.size(); m++) {
                SendResult r = sent.get(m);
                Histogram e2e = new Histogram(3_600_000, 3);
                for (String id : probes.get(m)) {
                    p.store().endToEndMillis(id).ifPresent(ms -> e2e.recordValue(Math.max(0, Math.min(3_600_000, ms))));
                }
                boolean any = e2e.getTotalCount() > 0;
                table.add(new SoakMinute(m + 1, r.sent(), r.accepted().size(), r.non202(),
                        r.accepted().size() / r.elapsedSeconds(), r.responseMicros().getValueAtPercentile(50) / 1000.0,
                        r.responseMicros().getValueAtPercentile(99) / 1000.0,
                        any ? e2e.getValueAtPercentile(50) : Double.NaN, any ? e2e.getValueAtPercentile(99) : Double.NaN,
                        (int) e2e.getTotalCount()));
            }
            List<String> verdict = SoakVerdict.judge(samples, table);
            print(table, samples, verdict);
            ObjectNode root = EventJson.MAPPER.createObjectNode();
            root.put("started_at", started.toString());
            root.put("finished_at", Instant.now().toString());
            root.set("machine", EventJson.MAPPER.valueToTree(machine));
            root.set("load_average_before", EventJson.MAPPER.valueToTree(before));
            root.set("load_average_after", EventJson.MAPPER.valueToTree(LoadAverage.now()));
            ObjectNode plan = root.putObject("plan");
            plan.put("minutes", minutes);
            plan.put("rate", rate);
            plan.put("dim", dim);
            plan.put("archive", pipeline.archive());
            root.set("minutes", EventJson.MAPPER.valueToTree(table));
            root.set("samples", EventJson.MAPPER.valueToTree(new ArrayList<>(samples)));
            root.set("verdict", EventJson.MAPPER.valueToTree(verdict));
            root.put("ok", SoakVerdict.ok(verdict));
            Path file = ChaosCommand.write(pipeline.resultsDir, "soak-" + ChaosCommand.FILE_TIME.format(started) + ".json",
                    root);
            System.out.println("results: " + file);
            return SoakVerdict.ok(verdict) ? STEADY : GREW;
        }
    }

    private void sample(Pipeline p, long t0, List<ProcessSample> out) {
        long next = t0;
        while (!Thread.currentThread().isInterrupted()) {
            for (ServerControl s : List.of(p.processor(), p.worker())) {
                out.add(ProcessSample.take(s, (System.nanoTime() - t0) / 1e9));
            }
            next += sampleSeconds * 1_000_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void print(List<SoakMinute> table, List<ProcessSample> samples, List<String> verdict) {
        System.out.println();
        String f = "%6s %7s %8s %6s %8s %8s %8s %9s %9s %9s %9s %6s %6s %7s %7s%n";
        System.out.printf(f, "minute", "sent", "accepted", "non202", "ev/s", "POST p50", "POST p99", "e2e p50",
                "e2e p99", "proc heap", "work heap", "p fds", "w fds", "p thr", "w thr");
        for (SoakMinute m : table) {
            ProcessSample ps = last(samples, "processor", m.minute() - 1);
            ProcessSample ws = last(samples, "worker", m.minute() - 1);
            System.out.printf(f, m.minute(), m.sent(), m.accepted(), m.non202(), fmt(m.acceptedPerSecond()),
                    fmt(m.postP50Ms()), fmt(m.postP99Ms()), fmt(m.e2eP50Ms()), fmt(m.e2eP99Ms()), mib(ps), mib(ws),
                    ps == null ? "n/a" : ps.fds(), ws == null ? "n/a" : ws.fds(), ps == null ? "n/a" : ps.threads(),
                    ws == null ? "n/a" : ws.threads());
        }
        System.out.println("(latencies in ms; heap after GC in MiB, fds and threads: the minute's last sample)");
        verdict.forEach(v -> System.out.println("verdict: " + v));
    }

    private static ProcessSample last(List<ProcessSample> samples, String server, int minute) {
        ProcessSample found = null;
        synchronized (samples) {
            for (ProcessSample s : samples) {
                if (s.server().equals(server) && (int) (s.atSeconds() / 60) == minute) {
                    found = s;
                }
            }
        }
        return found;
    }

    private static String mib(ProcessSample s) {
        return s == null || s.heapAfterGcBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", s.heapAfterGcBytes() / 1048576.0);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
