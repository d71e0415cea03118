package dev.ca4.bench.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.BenchContext;
import dev.ca4.bench.BenchPlan;
import dev.ca4.bench.Scenario;
import dev.ca4.bench.pipeline.Events;
import dev.ca4.bench.report.Figure;
import dev.ca4.bench.report.Section;
import dev.ca4.event.EventJson;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Part 1: accepted events/s and latency of the processor API under wrk, for one event a request (embedding as a
 * number array and as values_b64) at each concurrency, and for batches. The worker is stopped meanwhile so the
 * figures are the processor's alone (parse, validate, publish with acks=all); what it published is skipped
 * afterwards by moving the worker group to the end of the topic.
 */
public final class IngestScenario implements Scenario {
    /** Distinct bodies (different embeddings) sent in turn, so Kafka batches do not hold repeated records. */
    private static final int BODIES = 16;
    private static final int BATCH_BODIES = 4;

    private record Case(String name, String path, List<Path> bodies, int connections, int eventsPerRequest) {
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        BenchPlan plan = ctx.plan();
        ctx.log("ingest: stopping the worker (the figures are the processor's alone)");
        ctx.worker().stop();
        WrkRunner wrk = new WrkRunner(ctx.workDir(), ctx.endpoints().apiKey());
        ObjectNode details = EventJson.MAPPER.createObjectNode();
        List<Case> cases = cases(ctx, details);
        List<Figure> figures = new ArrayList<>();
        ArrayNode runs = details.putArray("runs");
        for (Case c : cases) {
            URI url = ctx.endpoints().api().resolve(c.path());
            ctx.log("ingest " + c.name() + ": warm-up " + plan.warmupSeconds() + " s, then " + plan.runs() + " × "
                    + plan.ingestSeconds() + " s");
            wrk.run(url, c.bodies(), c.connections(), plan.warmupSeconds());
            List<WrkResult> results = new ArrayList<>();
            for (int i = 0; i < plan.runs(); i++) {
                WrkResult r = wrk.run(url, c.bodies(), c.connections(), plan.ingestSeconds());
                results.add(r);
                ObjectNode run = EventJson.MAPPER.valueToTree(r);
                run.put("case", c.name());
                runs.add(run);
            }
            figures.addAll(figures(c, results));
        }
        long skipped = ctx.kafka().lag();
        ctx.kafka().skipGroupToEnd();
        details.put("records_skipped_after_ingest", skipped);
        return new Section(name(), figures, details, List.of(
                "worker stopped during ingest: events/s and latencies are the processor alone (HTTP, validation, "
                        + "Kafka acks=all); wrk is closed-loop, each connection waits for its answer"));
    }

    private List<Case> cases(BenchContext ctx, ObjectNode details) throws Exception {
        Events events = ctx.events();
        BenchPlan plan = ctx.plan();
        List<Path> values = new ArrayList<>();
        List<Path> b64 = new ArrayList<>();
        List<Path> batch = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            values.add(write(ctx.workDir(), "values-" + i + ".json", events.clientBody(Events.Form.VALUES)));
            b64.add(write(ctx.workDir(), "b64-" + i + ".json", events.clientBody(Events.Form.B64)));
        }
        for (int i = 0; i < BATCH_BODIES; i++) {
            batch.add(write(ctx.workDir(), "batch-" + i + ".json", events.batchBody(plan.batchEvents())));
        }
        ObjectNode sizes = details.putObject("body_bytes");
        sizes.put("values", Files.size(values.get(0)));
        sizes.put("values_b64", Files.size(b64.get(0)));
        sizes.put("batch", Files.size(batch.get(0)));
        details.put("distinct_bodies", BODIES);
        details.put("distinct_batch_bodies", BATCH_BODIES);
        details.put("dim", events.dim());
        List<Case> cases = new ArrayList<>();
        for (int c : plan.concurrencies()) {
            cases.add(new Case("values c=" + c, "/metadata", values, c, 1));
        }
        for (int c : plan.concurrencies()) {
            cases.add(new Case("b64 c=" + c, "/metadata", b64, c, 1));
        }
        cases.add(new Case("batch" + plan.batchEvents() + " c=" + plan.batchConcurrency(), "/metadata/batch", batch,
                plan.batchConcurrency(), plan.batchEvents()));
        return cases;
    }

    private List<Figure> figures(Case c, List<WrkResult> rs) {
        String s = name();
        return List.of(
                new Figure(s, c.name(), "accepted", "events/s",
                        rs.stream().map(r -> r.acceptedPerSecond() * c.eventsPerRequest()).toList()),
                new Figure(s, c.name(), "latency p50", "ms", rs.stream().map(r -> r.p50Us() / 1000.0).toList()),
                new Figure(s, c.name(), "latency p90", "ms", rs.stream().map(r -> r.p90Us() / 1000.0).toList()),
                new Figure(s, c.name(), "latency p99", "ms", rs.stream().map(r -> r.p99Us() / 1000.0).toList()),
                new Figure(s, c.name(), "latency max", "ms", rs.stream().map(r -> r.maxUs() / 1000.0).toList()),
                new Figure(s, c.name(), "non-202", "requests", rs.stream().map(r -> (double) r.errors()).toList()));
    }

    private static Path write(Path dir, String name, byte[] body) throws Exception {
        return Files.write(dir.resolve(name), body);
    }
}
