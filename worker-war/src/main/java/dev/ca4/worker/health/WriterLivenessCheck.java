package dev.ca4.worker.health;

import dev.ca4.worker.sink.SegmentSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the writer thread runs: without it nothing is ever stored again. */
@Liveness
@ApplicationScoped
public class WriterLivenessCheck implements HealthCheck {

    @Inject
    SegmentSink writer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("segment-writers").status(writer.alive()).build();
    }
}
