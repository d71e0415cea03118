package dev.ca4.chaos;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The six faults, one per scenario. {@link #inject} returns once the faulty part was restarted (its start
 * command returned); recovery is timed from there. {@code retry}: whether the clients resend refused or
 * unanswered events with the same event_id (the processor restart, where that is the point); elsewhere a 503
 * stays a 503, and such events must then not be stored.
 */
public enum Fault {
    KAFKA_KILL("kafka-kill", "Kafka broker kill -9, restarted at once", false) {
        @Override
        void inject(Pipeline p, Duration outage) throws Exception {
            p.stack().kill("kafka");
            p.stack().start("kafka");
        }
    },
    WORKER_KILL("worker-kill", "worker Liberty kill -9 (podman kill -s KILL for a container), restarted at once", false) {
        @Override
        void inject(Pipeline p, Duration outage) throws Exception {
            p.worker().kill9();
            p.worker().start();
        }
    },
    WORKER_STOP("worker-stop", "worker stopped gracefully (server stop; podman stop, SIGTERM, for a container), restarted at once", false) {
        @Override
        void inject(Pipeline p, Duration outage) throws Exception {
            p.worker().stop();
            p.worker().start();
        }
    },
    MONGO_STOP("mongo-stop", "store stopped cleanly for the outage, restarted", false) {
        @Override
        void inject(Pipeline p, Duration outage) throws Exception {
            p.stack().stop("mongo");
            Thread.sleep(outage.toMillis());
            p.stack().start("mongo");
        }
    },
    S3_STOP("s3-stop", "S3 server stopped for the outage (archiving on), restarted", false) {
        @Override
        void inject(Pipeline p, Duration outage) throws Exception {
            p.stack().stop("s3");
            Thread.sleep(outage.toMillis());
            p.stack().start("s3");
        }
    },
    PROCESSOR_RESTART("processor-restart", "processor Liberty restarted (server stop + start; podman stop + start for a container) while clients retry",
            true) {
        @Override
        void inject(Pipeline p, Duration outage) throws Exception {
            p.processor().stop();
            p.processor().start();
        }
    };

    private final String id;
    private final String description;
    private final boolean retry;

    Fault(String id, String description, boolean retry) {
        this.id = id;
        this.description = description;
        this.retry = retry;
    }

    abstract void inject(Pipeline p, Duration outage) throws Exception;

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean retry() {
        return retry;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Fault::id).toList();
    }

    public static Fault of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + id + "; known: " + ids()));
    }
}
