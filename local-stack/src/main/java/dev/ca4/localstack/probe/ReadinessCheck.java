package dev.ca4.localstack.probe;

import dev.ca4.localstack.Service;
import dev.ca4.localstack.StackConfig;

/** Whether a started service answers real requests. Polled until true; closed when done. */
public interface ReadinessCheck extends AutoCloseable {

    /** One bounded attempt (a few seconds at most); false rather than an exception when not ready yet. */
    boolean isReady();

    @Override
    default void close() {
    }

    static ReadinessCheck of(Service service, StackConfig config) {
        return switch (service) {
            case KAFKA -> new KafkaReadiness(config);
            case MONGO -> new MongoReadiness(config);
            case S3 -> new S3Readiness(config);
        };
    }
}
