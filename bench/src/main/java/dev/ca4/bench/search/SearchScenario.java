package dev.ca4.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.BenchContext;
import dev.ca4.bench.BenchPlan;
import dev.ca4.bench.Scenario;
import dev.ca4.bench.e2e.OpenLoopSchedule;
import dev.ca4.bench.e2e.OpenLoopSender;
import dev.ca4.bench.e2e.SendResult;
import dev.ca4.bench.e2e.VisibilityProbe;
import dev.ca4.bench.report.Figure;
import dev.ca4.bench.report.Section;
import dev.ca4.event.EmbeddingCodec;
import dev.ca4.event.EventJson;
import dev.ca4.event.SampleEvents;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The search service (docs/similarity-search.md) under the pipeline's load: events POSTed to the processor at a
 * fixed rate (open loop, distinct embeddings), a sample of them polled on the search service until
 * {@code GET /events/{id}} finds them ("searchable": from the intended POST time), then queries from concurrent
 * clients over HTTP at the size the index reached: right after the load, while the graph may still lag the vectors
 * (those are scanned exactly), and again once the graph covers every vector.
 */
public final class SearchScenario implements Scenario {
    private static final int PROBES_PER_SECOND = 5;
    private static final long PROBE_POLL_MS = 50;
    private static final int QUERY_CLIENTS = 8;
    /** Longest wait, after the load, for the graph to cover every vector before the queries are repeated. */
    private static final Duration GRAPH_CATCH_UP_LIMIT = Duration.ofMinutes(10);

    private final URI search;
    private final int rate;
    private final int dim;
    private String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public SearchScenario(URI search, int rate, int dim) {
        this.search = search;
        this.rate = rate;
        this.dim = dim;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        BenchPlan plan = ctx.plan();
        apiKey = ctx.endpoints().apiKey();
        OpenLoopSender sender = new OpenLoopSender(ctx.endpoints().api().resolve("/metadata"),
                ctx.endpoints().apiKey(), ctx.events().distinctTemplates(500), plan.e2eConnections());
        ObjectNode details = EventJson.MAPPER.createObjectNode();
        ArrayNode runs = details.putArray("runs");
        List<String> notes = new ArrayList<>();
        int seconds = plan.e2eSeconds() * 6; // 5 probes/s: 300 samples a run in the standard plan
        ctx.log("search " + rate + "/s: warm-up " + plan.e2eWarmupSeconds() + " s, then " + plan.runs() + " × "
                + seconds + " s");
        once(ctx, sender, plan.e2eWarmupSeconds());
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        List<Double> response = new ArrayList<>();
        List<Double> missing = new ArrayList<>();
        for (int i = 0; i < plan.runs(); i++) {
            Run r = once(ctx, sender, seconds);
            p50.add(pct(r.searchable, 50));
            p99.add(pct(r.searchable, 99));
            max.add(pct(r.searchable, 100));
            response.add(r.sent.responseMicros().getValueAtPercentile(99) / 1000.0);
            missing.add((double) r.notFound);
            ObjectNode j = runs.addObject();
            j.put("rate", rate).put("sent", r.sent.sent()).put("accepted", r.sent.accepted().size())
                    .put("probed", r.searchable.getTotalCount() + r.notFound).put("not_searchable", r.notFound)
                    .put("searchable_p50_ms", pct(r.searchable, 50)).put("searchable_p99_ms", pct(r.searchable, 99))
                    .put("searchable_max_ms", pct(r.searchable, 100))
                    .put("response_p99_ms", r.sent.responseMicros().getValueAtPercentile(99) / 1000.0);
            if (r.notFound > 0) {
                notes.add("search run " + (i + 1) + ": " + r.notFound + " probed events not searchable within "
                        + plan.e2eSettleSeconds() + " s");
            }
        }
        sender.close(); // the load is over; the queries below have clients of their own
        String c = rate + "/s";
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure(name(), c, "POST→searchable p50", "ms", p50),
                new Figure(name(), c, "POST→searchable p99", "ms", p99),
                new Figure(name(), c, "POST→searchable max", "ms", max),
                new Figure(name(), c, "response p99", "ms", response),
                new Figure(name(), c, "not searchable", "events", missing)));
        Coverage now = coverage();
        details.put("vectors", now.vectors());
        details.put("graph_vectors", now.graphVectors());
        queryFigures(ctx, figures, now);
        // Vectors not yet in the graph are scanned exactly, so the figures above depend on how far the graph lags;
        // the same queries again once it covers every vector show the index as a quiet service has it.
        long waitStart = System.nanoTime();
        long waitEnd = waitStart + GRAPH_CATCH_UP_LIMIT.toNanos();
        while ((now = coverage()).graphVectors() < now.vectors() && System.nanoTime() < waitEnd) {
            Thread.sleep(1000);
        }
        double caughtUpSeconds = (System.nanoTime() - waitStart) / 1e9;
        details.put("graph_catch_up_seconds", caughtUpSeconds);
        if (now.graphVectors() < now.vectors()) {
            notes.add("search: the graph covered " + now.graphVectors() + " of " + now.vectors() + " vectors after "
                    + GRAPH_CATCH_UP_LIMIT.toMinutes() + " min without load; queries not repeated");
        } else {
            ctx.log(String.format("search: the graph covers all %d vectors after %.0f s without load",
                    now.vectors(), caughtUpSeconds));
            figures.add(new Figure(name(), "graph catch-up", "wait", "s", List.of(caughtUpSeconds)));
            queryFigures(ctx, figures, now);
        }
        return new Section(name(), figures, details, notes);
    }

    private record Run(SendResult sent, Histogram searchable, long notFound) {
    }

    /** How many vectors the index holds and how many of them its graph covers (/health/ready's data). */
    private record Coverage(int vectors, int graphVectors) {
    }

    private Coverage coverage() throws Exception {
        JsonNode data = get("/health/ready").path("checks").path(0).path("data");
        return new Coverage(data.path("vectors").asInt(), data.path("graph_vectors").asInt());
    }

    /** Runs the query clients {@code runs} times and adds their figures, labelled with the graph's coverage. */
    private void queryFigures(BenchContext ctx, List<Figure> figures, Coverage at) throws Exception {
        List<Double> q50 = new ArrayList<>();
        List<Double> q99 = new ArrayList<>();
        List<Double> qps = new ArrayList<>();
        int seconds = ctx.plan().e2eSeconds() / 4 + 5;
        for (int i = 0; i < ctx.plan().runs(); i++) {
            Histogram q = queries(ctx, 10, seconds);
            q50.add(q.getValueAtPercentile(50) / 1000.0);
            q99.add(q.getValueAtPercentile(99) / 1000.0);
            qps.add(q.getTotalCount() / (double) seconds);
        }
        String qc = QUERY_CLIENTS + " clients, " + at.vectors() + " vectors, " + at.graphVectors() + " in graph";
        figures.add(new Figure(name(), qc, "POST /search p50", "ms", q50));
        figures.add(new Figure(name(), qc, "POST /search p99", "ms", q99));
        figures.add(new Figure(name(), qc, "queries", "per s", qps));
    }

    private Run once(BenchContext ctx, OpenLoopSender sender, int seconds) throws Exception {
        int every = Math.max(1, rate / PROBES_PER_SECOND);
        AtomicInteger n = new AtomicInteger();
        try (VisibilityProbe probe = new VisibilityProbe(this::searchable, PROBE_POLL_MS)) {
            long start = System.nanoTime() + 100_000_000L;
            OpenLoopSchedule schedule = OpenLoopSchedule.of(rate, seconds, start,
                    Instant.now().plusNanos(start - System.nanoTime()));
            SendResult sent = sender.run(schedule, (id, intended) -> {
                if (n.getAndIncrement() % every == 0) {
                    probe.watch(id, intended);
                }
            });
            long settleEnd = System.nanoTime() + ctx.plan().e2eSettleSeconds() * 1_000_000_000L;
            while (probe.pending() > 0 && System.nanoTime() < settleEnd) {
                Thread.sleep(100);
            }
            return new Run(sent, probe.snapshot(), probe.pending());
        }
    }

    /** The ids the search service has indexed: GET /events/{id} is a lookup (200 or 404), no search. */
    private Set<String> searchable(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        for (String id : ids) {
            try {
                HttpResponse<Void> r = http.send(request("/events/" + id).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    found.add(id);
                }
            } catch (Exception e) {
                // not found this tick
            }
        }
        return found;
    }

    /** Queries from {@link #QUERY_CLIENTS} clients for this long; latency per query in microseconds. */
    private Histogram queries(BenchContext ctx, int k, int seconds) throws Exception {
        Histogram micros = new Histogram(60_000_000L, 3);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(QUERY_CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < QUERY_CLIENTS; c++) {
                Random random = new Random(c);
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        byte[] body = EventJson.MAPPER.writeValueAsBytes(Map.of("values_b64",
                                EmbeddingCodec.encodeBase64(SampleEvents.randomVector(dim, random)), "k", k));
                        long t = System.nanoTime();
                        HttpResponse<Void> r = http.send(request("/search").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("POST /search answered " + r.statusCode());
                        }
                        synchronized (micros) {
                            micros.recordValue(Math.min(60_000_000L, (System.nanoTime() - t) / 1000));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ctx.log("search queries: " + micros.getTotalCount() + " in " + seconds + " s");
        return micros;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(search.resolve(path)).timeout(Duration.ofSeconds(30)).header("X-API-Key", apiKey);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(search.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return EventJson.MAPPER.readTree(r.body());
    }

    private static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p);
    }
}
