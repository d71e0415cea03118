package dev.ca4.search.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/** Every stored vector scored against the query: the truth recall is measured against. */
public final class ExactSearch {
    /** Highest cosine first; equal scores by ordinal, so an answer does not depend on the order of the scan. */
    public static final Comparator<Hit> BEST_FIRST =
            Comparator.comparingDouble(Hit::cosine).reversed().thenComparingInt(Hit::ordinal);

    private ExactSearch() {
    }

    public static List<Hit> search(VectorFile vectors, float[] query, int k) {
        return searchUnit(vectors, Cosine.normalized(query), k, 0, vectors.size(), ordinal -> true);
    }

    /** The k best of the ordinals in [from, to) that {@code accept} lets through, for a unit-length query. */
    public static List<Hit> searchUnit(VectorFile vectors, float[] unit, int k, int from, int to, IntPredicate accept) {
        PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::cosine));
        for (int i = from; i < to; i++) {
            if (!accept.test(i)) {
                continue;
            }
            float c = vectors.dot(i, unit);
            if (best.size() < k) {
                best.add(new Hit(i, c));
            } else if (c > best.peek().cosine()) {
                best.poll();
                best.add(new Hit(i, c));
            }
        }
        List<Hit> out = new ArrayList<>(best);
        out.sort(BEST_FIRST);
        return out;
    }

    /** The share of the exact top k that the approximate answer found. */
    public static double recall(List<Hit> exact, List<Hit> approximate) {
        if (exact.isEmpty()) {
            return 1;
        }
        java.util.Set<Integer> truth = new java.util.HashSet<>();
        exact.forEach(h -> truth.add(h.ordinal()));
        return approximate.stream().filter(h -> truth.contains(h.ordinal())).count() / (double) exact.size();
    }
}
