package dev.ca4.bench.drain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.BenchContext;
import dev.ca4.bench.BenchPlan;
import dev.ca4.bench.Scenario;
import dev.ca4.bench.pipeline.TopicFiller;
import dev.ca4.bench.report.Figure;
import dev.ca4.bench.report.Section;
import dev.ca4.event.EventJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Part 2: how fast the worker stores a backlog. With the worker stopped, its group is moved to the end of the
 * topic, the collection emptied and N events written to the topic; then the worker starts and the documents/s
 * are timed until all N are stored. N is sized by a first (unreported) drain so that each lasts at least
 * {@link BenchPlan#drainSeconds()}. Done with archiving to S3 off and on (CA4_ARCHIVE_ENABLED at worker start).
 */
public final class DrainScenario implements Scenario {
    /** ~2 GB on the topic: a 60 s drain at ~3,000 docs/s. */
    private static final int MAX_EVENTS = 200_000;
    /**
     * The memory store keeps every document in its JVM's 2 GiB heap: at 122,635 it spent its time collecting and
     * the drain stalled.
     */
    private static final int MAX_EVENTS_IN_MEMORY_STORE = 60_000;

    private final TopicFiller filler;
    private final int maxEvents;

    /** @param memoryStore whether the local store runs its memory backend (see {@link #MAX_EVENTS_IN_MEMORY_STORE}) */
    public DrainScenario(TopicFiller filler, boolean memoryStore) {
        this.filler = filler;
        this.maxEvents = memoryStore ? MAX_EVENTS_IN_MEMORY_STORE : MAX_EVENTS;
    }

    @Override
    public String name() {
        return "drain";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        BenchPlan plan = ctx.plan();
        ctx.log("drain: sizing run with " + plan.drainWarmupEvents() + " events");
        DrainRun sizing = drain(ctx, plan.drainWarmupEvents(), false);
        int n = (int) Math.min(maxEvents, Math.max(plan.drainWarmupEvents(),
                Math.ceil(sizing.documentsPerSecond() * plan.drainSeconds() * 1.25)));
        ObjectNode details = EventJson.MAPPER.createObjectNode();
        details.put("events_per_run", n);
        details.put("sizing_run_documents_per_s", sizing.documentsPerSecond());
        details.put("warm_fraction", plan.drainWarmFraction());
        ArrayNode runs = details.putArray("runs");
        List<Figure> figures = new ArrayList<>();
        List<DrainRun> all = new ArrayList<>();
        for (boolean archive : new boolean[]{false, true}) {
            List<DrainRun> results = new ArrayList<>();
            for (int i = 0; i < plan.runs(); i++) {
                ctx.log("drain: " + n + " events, archive " + (archive ? "on" : "off") + ", run " + (i + 1));
                DrainRun r = drain(ctx, n, archive);
                results.add(r);
                all.add(r);
                runs.add(EventJson.MAPPER.valueToTree(r));
            }
            String c = "N=" + n + " archive " + (archive ? "on" : "off");
            figures.add(new Figure(name(), c, "stored", "docs/s",
                    results.stream().map(DrainRun::documentsPerSecond).toList()));
            figures.add(new Figure(name(), c, "stored, second half", "docs/s",
                    results.stream().map(DrainRun::secondHalfDocumentsPerSecond).toList()));
            figures.add(new Figure(name(), c, "worker CPU, second half", "ms per 1,000 docs",
                    results.stream().map(DrainRun::workerCpuMsPerThousand).toList()));
            figures.add(new Figure(name(), c, "worker GC pauses, second half", "% of the time",
                    results.stream().map(DrainRun::gcPausePercent).toList()));
            figures.add(new Figure(name(), c, "all N stored", "s incl. start",
                    results.stream().map(DrainRun::secondsFromStart).toList()));
            if (archive) {
                figures.add(new Figure(name(), c, "S3 PUTs", "per 1,000 events",
                        results.stream().map(DrainRun::putsPerThousand).toList()));
            }
            figures.add(new Figure(name(), c, "stored document", "bytes",
                    results.stream().map(r -> (double) r.documentBytes()).toList()));
        }
        List<String> notes = new ArrayList<>();
        notes.add("docs/s is timed from " + Math.round(plan.drainWarmFraction() * 100)
                + "% stored to 100% stored (each run starts a fresh worker JVM); 'second half' from 50% to 100%, "
                + "when the worker's JIT compilers have mostly finished; each run's curve is in its details");
        all.stream().filter(r -> r.measuredSeconds() < plan.drainSeconds()).findAny()
                .ifPresent(r -> notes.add("some drains lasted under " + plan.drainSeconds()
                        + " s (N from the sizing run, at most " + maxEvents + ")"));
        return new Section(name(), figures, details, notes);
    }

    private DrainRun drain(BenchContext ctx, int n, boolean archive) throws Exception {
        ctx.worker().stop();
        ctx.kafka().skipGroupToEnd();
        ctx.store().drop();
        filler.fill(n);
        // The clock polls from before the start: the worker consumes before it reports ready.
        long start = System.nanoTime();
        CompletableFuture<DrainRun> clock = CompletableFuture.supplyAsync(() -> {
            try {
                return DrainClock.measure(ctx.store()::count, ctx.worker()::usage, n, ctx.plan().drainWarmFraction(),
                        archive, start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        ctx.worker().start(Map.of("CA4_ARCHIVE_ENABLED", String.valueOf(archive)));
        DrainRun run;
        try {
            run = clock.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
        return run.withStorage(ctx.worker().metric("ca4_worker_archive_objects_total"), ctx.store().oneDocumentBytes());
    }
}
