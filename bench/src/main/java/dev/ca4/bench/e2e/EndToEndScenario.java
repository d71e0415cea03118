package dev.ca4.bench.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.BenchContext;
import dev.ca4.bench.BenchPlan;
import dev.ca4.bench.Scenario;
import dev.ca4.bench.report.Figure;
import dev.ca4.bench.report.Section;
import dev.ca4.event.EventJson;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part 3: latency from the intended POST time to the stored document at fixed offered rates (open loop, see
 * {@link OpenLoopSchedule}), through the whole running pipeline with archiving on (as make run). Two views:
 * "readable" is a sample polled by _id until found: the time until the event is stored (archive PUT and bulk write
 * done), the figure the sink's latency target is about; "commit start" is the worker's latency_ms.end_to_end of
 * every event (stored_at − produced_at, stamped when its segment's commit starts, before the archive PUT and the
 * bulk write), split at the processor's received_at into "ingest" and "pipeline".
 */
public final class EndToEndScenario implements Scenario {
    private static final Map<String, String> RUN_CONFIG = Map.of("CA4_ARCHIVE_ENABLED", "true");
    /**
     * Events watched by the visibility probe per second of offered load: 500 per 10 s run, so its p99 is not just
     * its largest value (at 10 a second, 100 samples, it was).
     */
    private static final int PROBES_PER_SECOND = 50;
    private static final long MAX_MS = 600_000;

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        BenchPlan plan = ctx.plan();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ObjectNode details = EventJson.MAPPER.createObjectNode();
        details.put("archive", true);
        ArrayNode runs = details.putArray("runs");
        prepareWorker(ctx);
        try (OpenLoopSender sender = new OpenLoopSender(ctx.endpoints().api().resolve("/metadata"),
                ctx.endpoints().apiKey(), ctx.events().template(), plan.e2eConnections())) {
            if (plan.e2ePipelineWarmupSeconds() > 0) { // the worker JVM is fresh here (started by make, or above)
                int top = plan.e2eRates().stream().max(Integer::compare).orElseThrow();
                String label = top + "/s first " + plan.e2ePipelineWarmupSeconds() + " s";
                ctx.log("e2e " + label + ": the pipeline's warm-up while its JVMs compile, a case of its own");
                E2eRun first = once(ctx, sender, top, plan.e2ePipelineWarmupSeconds());
                details.set("pipeline_warmup", first.toJson(top));
                figures.addAll(E2eRun.figures(name(), label, List.of(first)));
                notStoredNote(first, label, plan).ifPresent(notes::add);
            }
            for (int rate : plan.e2eRates()) {
                ctx.log("e2e " + rate + "/s: warm-up " + plan.e2eWarmupSeconds() + " s, then " + plan.runs() + " × "
                        + plan.e2eSeconds() + " s");
                once(ctx, sender, rate, plan.e2eWarmupSeconds());
                List<E2eRun> results = new ArrayList<>();
                for (int i = 0; i < plan.runs(); i++) {
                    E2eRun r = once(ctx, sender, rate, plan.e2eSeconds());
                    results.add(r);
                    runs.add(r.toJson(rate));
                    if (r.backlogAtEnd() > rate) {
                        notes.add(rate + "/s run " + (i + 1) + ": " + r.backlogAtEnd() + " accepted events were not "
                                + "yet stored when sending ended (more than 1 s of offered load): the offered rate "
                                + "is above what the pipeline stores on this machine, the backlog grew during the run");
                    }
                    notStoredNote(r, rate + "/s run " + (i + 1), plan).ifPresent(notes::add);
                }
                figures.addAll(E2eRun.figures(name(), rate + "/s", results));
            }
        }
        return new Section(name(), figures, details, notes);
    }

    private static Optional<String> notStoredNote(E2eRun r, String label, BenchPlan plan) {
        return r.backlog() == 0 ? Optional.empty() : Optional.of(label + ": " + r.backlog() + " of " + r.accepted()
                + " accepted events not stored " + plan.e2eSettleSeconds() + " s after the last send: the offered "
                + "rate exceeds what the pipeline stores (backlog grows); their latency counts as the time waited, "
                + "so percentiles are lower bounds");
    }

    /** The worker runs with make run's settings and has nothing older than this test to consume. */
    private static void prepareWorker(BenchContext ctx) throws Exception {
        if (ctx.kafka().lag() > 0 || !ctx.worker().running()) {
            ctx.worker().stop();
            ctx.kafka().skipGroupToEnd();
            ctx.worker().start(RUN_CONFIG);
        }
    }

    private static E2eRun once(BenchContext ctx, OpenLoopSender sender, int rate, int seconds) throws Exception {
        awaitNoBacklog(ctx);
        long baseline = ctx.store().count();
        int every = Math.max(1, rate / PROBES_PER_SECOND);
        AtomicInteger n = new AtomicInteger();
        try (VisibilityProbe probe = new VisibilityProbe(ctx.store()::existing)) {
            long start = System.nanoTime() + 100_000_000L; // the schedule starts 100 ms from now
            OpenLoopSchedule schedule = OpenLoopSchedule.of(rate, seconds, start,
                    Instant.now().plusNanos(start - System.nanoTime()));
            SendResult sent = sender.run(schedule, (id, intended) -> {
                if (n.getAndIncrement() % every == 0) {
                    probe.watch(id, intended);
                }
            });
            long backlogAtEnd = Math.max(0, target(baseline, sent) - ctx.store().count());
            long settleEnd = System.nanoTime() + ctx.plan().e2eSettleSeconds() * 1_000_000_000L;
            long target = target(baseline, sent);
            while ((ctx.store().count() < target || probe.pending() > 0) && System.nanoTime() < settleEnd) {
                Thread.sleep(100);
            }
            Histogram stored = new Histogram(MAX_MS, 3);
            Histogram ingest = new Histogram(MAX_MS, 3);
            Histogram pipeline = new Histogram(MAX_MS, 3);
            int missing = 0;
            long waitedMs = (System.nanoTime() - schedule.startNanos()) / 1_000_000;
            for (String id : sent.accepted()) {
                var latency = ctx.store().latencies(id);
                if (latency.isPresent()) {
                    stored.recordValue(clamp(latency.get().endToEnd()));
                    if (latency.get().ingest() >= 0) {
                        ingest.recordValue(clamp(latency.get().ingest()));
                        pipeline.recordValue(clamp(latency.get().pipeline()));
                    }
                } else {
                    missing++;
                    stored.recordValue(clamp(waitedMs)); // a lower bound of its latency
                }
            }
            return new E2eRun(sent, stored, new E2eRun.Stages(ingest, pipeline), probe.snapshot(), missing,
                    backlogAtEnd);
        }
    }

    /**
     * Each run starts with the worker caught up, so runs are independent; a backlog left by an earlier run over
     * capacity is skipped (worker stopped, group moved to the end) if it is not gone within the settle time.
     */
    private static void awaitNoBacklog(BenchContext ctx) throws Exception {
        long end = System.nanoTime() + ctx.plan().e2eSettleSeconds() * 1_000_000_000L;
        while (ctx.kafka().lag() > 0) {
            if (System.nanoTime() > end) {
                ctx.log("e2e: skipping a backlog of " + ctx.kafka().lag() + " records left by the previous run");
                ctx.worker().stop();
                ctx.kafka().skipGroupToEnd();
                ctx.worker().start(RUN_CONFIG);
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Clock skew between the JVMs on one machine is nil, but a negative span must not break the histogram. */
    private static long clamp(long ms) {
        return Math.max(0, Math.min(MAX_MS, ms));
    }

    private static long target(long baseline, SendResult sent) {
        return baseline + sent.accepted().size();
    }
}
