package dev.ca4.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static dev.ca4.chaos.Pipeline.log;

/**
 * Runs one fault under load and counts every event: load for {@code loadSeconds}, the fault a third of the way
 * in (poison records planted just before it), then waits for the pipeline to recover by itself and compares
 * what the clients were told with the store, the archive and the DLQ.
 */
public final class ScenarioRunner {
    private final Pipeline pipeline;
    private final ChaosPlan plan;
    /** Ids of earlier scenarios: their documents and archive objects are not this scenario's. */
    private final Set<String> earlier = new HashSet<>();

    public ScenarioRunner(Pipeline pipeline, ChaosPlan plan) {
        this.pipeline = pipeline;
        this.plan = plan;
    }

    public ScenarioResult run(Fault fault) throws Exception {
        List<String> problems = new ArrayList<>();
        awaitQuiet(fault);
        Map<org.apache.kafka.common.TopicPartition, Long> dlqFrom = pipeline.poison().dlqEnd();
        long baseline = pipeline.store().count();
        Ledger ledger = new Ledger();
        Load load = new Load(pipeline.endpoints().api(), pipeline.endpoints().apiKey(), plan.template(), ledger);
        log(fault.id() + ": " + fault.description() + "; load " + plan.rate() + " events/s for " + plan.loadSeconds()
                + " s over " + plan.clients() + " clients" + (fault.retry() ? " (clients retry)" : ""));
        AtomicReference<Exception> loadFailure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong loadEnded = new java.util.concurrent.atomic.AtomicLong();
        Thread loadThread = new Thread(() -> {
            try {
                load.run(plan.clients(), plan.rate(), plan.loadSeconds(), fault.retry(), plan.recoveryBoundSeconds());
            } catch (Exception e) {
                loadFailure.set(e);
            } finally {
                loadEnded.set(System.nanoTime());
            }
        }, "chaos-load");
        long loadStart = System.nanoTime();
        loadThread.start();
        Thread.sleep((long) (plan.loadSeconds() * 1000 / 3));
        List<Poison.Planted> planted = pipeline.poison().plant(fault.id());
        log(fault.id() + ": planted " + planted.size() + " poison records; injecting the fault");
        long faultStart = System.nanoTime();
        fault.inject(pipeline, Duration.ofSeconds(plan.outageSeconds()));
        long restarted = System.nanoTime();
        log(fault.id() + String.format(": restarted after %.1f s; waiting for recovery", (restarted - faultStart) / 1e9));
        long acceptedBefore = ledger.count(Ledger.Outcome.ACCEPTED);
        double recovery = Double.NaN;
        long bound = (long) (plan.recoveryBoundSeconds() * 1e9);
        while (System.nanoTime() - restarted < bound) {
            if (pipeline.ready() && pipeline.store().count() - baseline >= acceptedBefore) {
                recovery = (System.nanoTime() - restarted) / 1e9;
                break;
            }
            Thread.sleep(500);
        }
        if (Double.isNaN(recovery)) {
            problems.add("not recovered within " + plan.recoveryBoundSeconds() + " s of the restart (ready: processor "
                    + pipeline.processor().ready() + ", worker " + pipeline.worker().ready() + ")");
        } else {
            log(fault.id() + String.format(": recovered %.1f s after the restart", recovery));
        }
        loadThread.join();
        long loadEnd = loadEnded.get();
        if (loadFailure.get() != null) {
            throw loadFailure.get();
        }
        long accepted = ledger.count(Ledger.Outcome.ACCEPTED);
        log(fault.id() + ": load done: " + load.requests() + " requests, " + ledger.ids().size() + " events, "
                + accepted + " accepted; waiting until stored");
        double drain = Double.NaN;
        while (System.nanoTime() - loadEnd < bound) {
            if (pipeline.store().count() - baseline >= accepted && pipeline.lag() == 0 && pipeline.ready()) {
                drain = (System.nanoTime() - loadEnd) / 1e9;
                break;
            }
            Thread.sleep(500);
        }
        if (Double.isNaN(drain)) {
            problems.add("accepted events not all stored (or lag not 0) within " + plan.recoveryBoundSeconds()
                    + " s of the end of the load: lag " + pipeline.lag());
        }
        Thread.sleep(2000); // the last batches' archive and DLQ writes, and any late redelivery
        Tally store = Tally.of(ledger, mine(pipeline.store().idCopies()));
        Tally archive = null;
        int misplaced = 0;
        if (pipeline.archive() != null) {
            Map<String, List<ArchivePlace>> places = pipeline.archive().places();
            places.keySet().removeAll(earlier);
            archive = Tally.of(ledger, ArchivePlace.copiesPerEvent(places));
            long twice = ArchivePlace.eventsOnTheTopicTwice(places);
            if (twice > 0) {
                log(fault.id() + ": " + twice + " events are on the topic twice (a retry after a lost 202), each"
                        + " record archived once, stored once");
            }
            // every stored document of this scenario names a segment row that holds its event
            for (Map.Entry<String, Map.Entry<String, Integer>> doc : pipeline.store().archivePlaces().entrySet()) {
                Map.Entry<String, Integer> row = doc.getValue();
                if (!earlier.contains(doc.getKey()) && places.getOrDefault(doc.getKey(), List.of()).stream()
                        .noneMatch(p -> p.key().equals(row.getKey()) && p.row() == row.getValue())) {
                    misplaced++;
                }
            }
        }
        check("store", store, problems);
        if (archive != null) {
            check("archive", archive, problems);
            if (misplaced > 0) {
                problems.add("archive: " + misplaced + " documents name a segment row that does not hold their event");
            }
        }
        Poison.DeadLetters dlq = pipeline.poison().readSince(dlqFrom);
        problems.addAll(Poison.problems(planted, dlq));
        double redelivered = pipeline.worker().metric("ca4_worker_events_duplicates_total");
        earlier.addAll(ledger.ids());
        ScenarioResult r = new ScenarioResult(fault.id(), fault.description(), (loadEnd - loadStart) / 1e9,
                plan.rate(), load.requests(), store, archive, misplaced, planted.size(), dlq.records(),
                dlq.copiesByOrigin().size(), recovery, drain, plan.recoveryBoundSeconds(), redelivered,
                List.copyOf(problems));
        log(fault.id() + ": " + (r.ok() ? "OK" : "FAILED: " + String.join("; ", problems)));
        return r;
    }

    private Map<String, Integer> mine(Map<String, Integer> copies) {
        Map<String, Integer> out = new HashMap<>(copies);
        out.keySet().removeAll(earlier);
        return out;
    }

    private static void check(String where, Tally t, List<String> problems) {
        if (t.lost() > 0) {
            problems.add(where + ": " + t.lost() + " accepted events missing, e.g. " + t.lostSample());
        }
        if (t.duplicates() > 0) {
            problems.add(where + ": " + t.duplicates() + " extra copies");
        }
        if (t.refusedStored() > 0) {
            problems.add(where + ": " + t.refusedStored() + " events answered only 503 are there anyway");
        }
        if (t.unexpected() > 0) {
            problems.add(where + ": " + t.unexpected() + " events no client sent");
        }
    }

    /**
     * Each scenario starts on a quiet pipeline: both servers ready, nothing left to consume. A pipeline an
     * earlier scenario left stuck gets one worker restart (so the next scenarios still run), then fails this one.
     */
    private void awaitQuiet(Fault fault) throws Exception {
        for (int attempt = 0; ; attempt++) {
            long deadline = System.nanoTime() + (long) (plan.recoveryBoundSeconds() * 1e9);
            while (System.nanoTime() < deadline) {
                if (pipeline.ready() && pipeline.lag() == 0) {
                    return;
                }
                Thread.sleep(500);
            }
            if (attempt > 0) {
                throw new IllegalStateException("pipeline not ready and caught up before " + fault.id()
                        + " (lag " + pipeline.lag() + "), even after a worker restart");
            }
            log(fault.id() + ": the pipeline is not quiet (lag " + pipeline.lag() + "); restarting the worker");
            pipeline.worker().stop();
            pipeline.worker().start();
        }
    }
}
