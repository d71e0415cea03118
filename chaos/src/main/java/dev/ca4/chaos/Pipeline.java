package dev.ca4.chaos;

import dev.ca4.bench.pipeline.Endpoints;
import dev.ca4.bench.pipeline.EventStore;
import dev.ca4.bench.pipeline.PipelineKafka;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The running local pipeline: what the harness can break (servers, stack) and what it reads (store, Kafka, S3). */
public record Pipeline(Endpoints endpoints, ServerControl processor, ServerControl worker, StackControl stack,
                       EventStore store, PipelineKafka kafka, Archive archive, Poison poison) implements AutoCloseable {

    /** Both servers ready. */
    public boolean ready() {
        return processor.ready() && worker.ready();
    }

    /** Consumer-group lag, or -1 while the broker does not answer. */
    public long lag() {
        try {
            return kafka.lag();
        } catch (Exception e) {
            return -1;
        }
    }

    public static void log(String message) {
        System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }

    @Override
    public void close() {
        kafka.close();
        store.close();
        if (archive != null) {
            archive.close();
        }
    }
}
