package dev.ca4.search.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Every stored vector scored against the query: the truth recall is measured against. */
public final class ExactSearch {
    private ExactSearch() {
    }

    public static List<Hit> search(VectorFile vectors, float[] query, int k) {
        float[] unit = Cosine.normalized(query);
        PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::cosine));
        for (int i = 0; i < vectors.size(); i++) {
            float c = vectors.dot(i, unit);
            if (best.size() < k) {
                best.add(new Hit(i, c));
            } else if (c > best.peek().cosine()) {
                best.poll();
                best.add(new Hit(i, c));
            }
        }
        List<Hit> out = new ArrayList<>(best);
        out.sort(Comparator.comparingDouble(Hit::cosine).reversed());
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
