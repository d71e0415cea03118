package dev.ca4.chaos;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.ca4.bench.pipeline.BodyTemplate;

/** The size of each scenario: load, outage, how long recovery may take; {@code template} shapes the events. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChaosPlan(double rate, double loadSeconds, int clients, int outageSeconds, double recoveryBoundSeconds,
                        int dim, @JsonIgnore BodyTemplate template) {
}
