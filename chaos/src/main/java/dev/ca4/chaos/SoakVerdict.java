package dev.ca4.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Start against end of a soak: heap after GC must not grow more than {@link #HEAP_GROWTH}, fds and threads not
 * more than {@link #COUNT_GROWTH} plus {@link #COUNT_SLACK}, p99 per minute not above {@link #P99_FACTOR} times
 * the start plus {@link #P99_SLACK_MS}. "Start" is the first minute after the warm-up minute (JIT, pools filling),
 * "end" the last; figures are medians over the samples in them.
 */
public final class SoakVerdict {
    static final double HEAP_GROWTH = 0.20;
    static final double COUNT_GROWTH = 0.10;
    static final long COUNT_SLACK = 10;
    static final double P99_FACTOR = 2.0;
    static final double P99_SLACK_MS = 50;

    private SoakVerdict() {
    }

    /** One finding per figure, "ok …" or "GREW …". */
    public static List<String> judge(List<ProcessSample> samples, List<SoakMinute> minutes) {
        List<String> out = new ArrayList<>();
        int last = minutes.size() - 1;
        int first = minutes.size() > 2 ? 1 : 0;
        for (String server : List.of("processor", "worker")) {
            List<ProcessSample> mine = samples.stream().filter(s -> s.server().equals(server)).toList();
            compare(out, server + " heap after GC (MiB)", mine, first, last, s -> s.heapAfterGcBytes() / 1048576.0,
                    (a, b) -> b <= a * (1 + HEAP_GROWTH));
            compare(out, server + " open fds", mine, first, last, s -> s.fds(),
                    (a, b) -> b <= a * (1 + COUNT_GROWTH) + COUNT_SLACK);
            compare(out, server + " threads", mine, first, last, s -> s.threads(),
                    (a, b) -> b <= a * (1 + COUNT_GROWTH) + COUNT_SLACK);
        }
        if (last >= 0) {
            p99(out, "POST p99 (ms)", minutes.get(first).postP99Ms(), minutes.get(last).postP99Ms());
            p99(out, "end-to-end p99 (ms)", minutes.get(first).e2eP99Ms(), minutes.get(last).e2eP99Ms());
        }
        return out;
    }

    private static void p99(List<String> out, String what, double start, double end) {
        boolean ok = Double.isNaN(start) || Double.isNaN(end) || end <= start * P99_FACTOR + P99_SLACK_MS;
        out.add(String.format(Locale.ROOT, "%s %s: minute start %.0f, end %.0f (bound %.0f)", ok ? "ok" : "GREW", what,
                start, end, start * P99_FACTOR + P99_SLACK_MS));
    }

    private static void compare(List<String> out, String what, List<ProcessSample> samples, int firstMinute,
                                int lastMinute, ToDoubleFunction<ProcessSample> f, Bound bound) {
        double a = median(samples, firstMinute, f);
        double b = median(samples, lastMinute, f);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            out.add("n/a " + what + ": no samples");
            return;
        }
        out.add(String.format(Locale.ROOT, "%s %s: start %.1f, end %.1f", bound.holds(a, b) ? "ok" : "GREW", what, a, b));
    }

    private static double median(List<ProcessSample> samples, int minute, ToDoubleFunction<ProcessSample> f) {
        double[] v = samples.stream().filter(s -> (int) (s.atSeconds() / 60) == minute).mapToDouble(f)
                .filter(x -> x >= 0).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    public static boolean ok(List<String> findings) {
        return findings.stream().noneMatch(f -> f.startsWith("GREW"));
    }

    private interface Bound {
        boolean holds(double start, double end);
    }
}
