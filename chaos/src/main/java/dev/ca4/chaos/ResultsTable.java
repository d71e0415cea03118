package dev.ca4.chaos;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The closing table: one row per scenario. */
public final class ResultsTable {
    private ResultsTable() {
    }

    public static void print(List<ScenarioResult> results, PrintStream out) {
        String f = "%-18s %8s %8s %6s %5s %6s %7s %7s %9s %6s %10s %8s  %s%n";
        out.printf(f, "scenario", "accepted", "stored", "dupl.", "lost", "503", "unknown", "retried", "archive", "dlq",
                "recovery s", "drain s", "result");
        for (ScenarioResult r : results) {
            Tally s = r.store();
            String archive = r.archive() == null ? "off"
                    : r.archive().exact() && r.archiveMisplaced() == 0 ? "exact" : "WRONG";
            out.printf(f, r.scenario(), s.accepted(), s.stored(), s.duplicates(), s.lost(), s.refused(), s.unknown(),
                    s.retriedAccepted(), archive, r.dlqDistinct() + "/" + r.dlqPlanted(), seconds(r.recoverySeconds()),
                    seconds(r.drainSeconds()), r.ok() ? "ok" : "FAILED");
        }
        for (ScenarioResult r : results) {
            r.problems().forEach(p -> out.println("problem (" + r.scenario() + "): " + p));
        }
    }

    static String seconds(double s) {
        return Double.isNaN(s) ? "n/a" : String.format(Locale.ROOT, "%.1f", s);
    }
}
