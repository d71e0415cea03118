package dev.ca4.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VisibilityProbeTest {
    private static final long NEVER = TimeUnit.HOURS.toMillis(1); // the test drives poll() itself

    @Test
    void asksTheStoreOncePerTickForEveryWatchedIdAndRecordsEachFoundIdOnce() {
        Set<String> stored = new HashSet<>();
        List<Collection<String>> queries = new ArrayList<>();
        try (VisibilityProbe probe = new VisibilityProbe(ids -> {
            queries.add(Set.copyOf(ids));
            Set<String> found = new HashSet<>(ids);
            found.retainAll(stored);
            return found;
        }, NEVER)) {
            long sent = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(300);
            probe.watch("a", sent);
            probe.watch("b", sent);
            probe.watch("c", sent);

            probe.poll();
            assertEquals(List.of(Set.of("a", "b", "c")), queries, "one query naming every watched id");
            assertEquals(3, probe.pending());
            assertEquals(0, probe.snapshot().getTotalCount());

            stored.addAll(Set.of("a", "c"));
            probe.poll();
            assertEquals(1, probe.pending(), "found ids stop being watched");
            assertEquals(2, probe.snapshot().getTotalCount());
            assertEquals(300, probe.snapshot().getMinValue(), 50, "latency from the intended send time");

            probe.poll();
            assertEquals(Set.of("b"), queries.get(2), "only the id still missing is asked for again");
            assertEquals(2, probe.snapshot().getTotalCount(), "an id found once is recorded once");
        }
    }

    @Test
    void asksNothingWhileNothingIsWatched() {
        List<Collection<String>> queries = new ArrayList<>();
        try (VisibilityProbe probe = new VisibilityProbe(ids -> {
            queries.add(ids);
            return Set.of();
        }, NEVER)) {
            probe.poll();
            assertEquals(0, queries.size());
        }
    }
}
