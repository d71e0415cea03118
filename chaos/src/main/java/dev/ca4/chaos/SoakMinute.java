package dev.ca4.chaos;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One minute of a soak: what was sent and accepted, POST and end-to-end latency percentiles. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SoakMinute(int minute, int sent, int accepted, long non202, double acceptedPerSecond,
                         double postP50Ms, double postP99Ms, double e2eP50Ms, double e2eP99Ms, int e2eSamples) {
}
