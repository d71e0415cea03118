package dev.ca4.bench;

import dev.ca4.bench.pipeline.Endpoints;
import dev.ca4.bench.pipeline.EventStore;
import dev.ca4.bench.pipeline.Events;
import dev.ca4.bench.pipeline.PipelineKafka;
import dev.ca4.bench.pipeline.WorkerControl;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Everything a scenario may use: the plan, the pipeline's endpoints and the clients to drive and observe it (null
 * when only scenarios that need no pipeline run, e.g. {@code producer}).
 */
public record BenchContext(BenchPlan plan, Endpoints endpoints, Events events, WorkerControl worker,
                           PipelineKafka kafka, EventStore store, Path workDir) implements AutoCloseable {

    /** Progress goes to stderr; the table and the results file are the output. */
    public void log(String message) {
        System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
