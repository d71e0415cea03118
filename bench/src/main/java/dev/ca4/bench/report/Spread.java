package dev.ca4.bench.report;

import java.util.Arrays;
import java.util.List;

/** Median and min–max of one figure's samples (one sample a run). */
public record Spread(double median, double min, double max, int runs) {

    /** NaN samples (a run that had nothing to measure) are left out; none left gives a NaN spread. */
    public static Spread of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] s = samples.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
        if (s.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Spread(median, s[0], s[n - 1], n);
    }
}
