package dev.ca4.bench.report;

import java.util.List;

/**
 * One reported number: {@code metric} of {@code scenario}/{@code caseName}, measured once per run; shown as the
 * median of the samples with their spread.
 */
public record Figure(String scenario, String caseName, String metric, String unit, List<Double> samples) {

    public Figure {
        samples = List.copyOf(samples);
    }

    public static Figure single(String scenario, String caseName, String metric, String unit, double value) {
        return new Figure(scenario, caseName, metric, unit, List.of(value));
    }

    public Spread spread() {
        return Spread.of(samples);
    }
}
