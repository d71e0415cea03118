package dev.ca4.bench.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints every figure as one row: median, min–max over the runs, unit; then each section's notes. */
public final class ResultsTable {

    private ResultsTable() {
    }

    public static void print(List<Section> sections, PrintStream out) {
        String format = "%-8s %-26s %-16s %10s %21s  %-9s %4s%n";
        out.printf(format, "scenario", "case", "metric", "median", "min–max", "unit", "runs");
        for (Section s : sections) {
            for (Figure f : s.figures()) {
                Spread sp = f.spread();
                String range = sp.runs() <= 1 ? "" : number(sp.min()) + "–" + number(sp.max());
                out.printf(format, f.scenario(), f.caseName(), f.metric(), number(sp.median()), range, f.unit(),
                        sp.runs());
            }
        }
        for (Section s : sections) {
            s.notes().forEach(n -> out.println("note (" + s.name() + "): " + n));
        }
    }

    /** Three significant figures at most, no exponent: enough for numbers with a run-to-run spread. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
    }
}
