package dev.ca4.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1, 5 and 15 minute load averages: on a shared 2-core machine they say how much others were running. */
public record LoadAverage(double one, double five, double fifteen) {

    public static LoadAverage now() {
        try {
            return parse(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException | RuntimeException e) {
            return new LoadAverage(-1, -1, -1);
        }
    }

    /** {@code /proc/loadavg}: "0.52 0.58 0.59 1/467 12345". */
    static LoadAverage parse(String line) {
        String[] f = line.trim().split("\\s+");
        return new LoadAverage(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    }

    @Override
    public String toString() {
        return one + " " + five + " " + fifteen;
    }
}
