package dev.ca4.search.index;

import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;

/**
 * The graph builder's scores on PQ codes, made usable by {@code GraphIndexBuilder.load}.
 * <p>
 * jvector's loader scores every saved neighbour list with the node's <em>exact</em> score function, which a PQ
 * build provider does not have, and expects each list's scores not to increase (the order it was saved in). While
 * {@link #loading} is on, a node's provider therefore scores with the node's own PQ score function, never above
 * the previous neighbour's score: the saved order is kept, and the scores stay of the kind the builder compares
 * them with when it links new nodes later. Otherwise everything is the PQ provider's.
 */
final class ReloadableScores implements BuildScoreProvider {
    private final BuildScoreProvider pq;
    private volatile boolean loading;

    ReloadableScores(BuildScoreProvider pq) {
        this.pq = pq;
    }

    void loading(boolean on) {
        loading = on;
    }

    @Override
    public boolean isExact() {
        return pq.isExact();
    }

    @Override
    public VectorFloat<?> approximateCentroid() {
        return pq.approximateCentroid();
    }

    @Override
    public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
        return pq.searchProviderFor(vector);
    }

    @Override
    public SearchScoreProvider searchProviderFor(int node) {
        SearchScoreProvider own = pq.searchProviderFor(node);
        if (!loading) {
            return own;
        }
        ScoreFunction scores = own.scoreFunction();
        ScoreFunction.ExactScoreFunction inSavedOrder = new ScoreFunction.ExactScoreFunction() {
            private float previous = Float.POSITIVE_INFINITY;

            @Override
            public float similarityTo(int other) {
                previous = Math.min(previous, scores.similarityTo(other));
                return previous;
            }
        };
        return new SearchScoreProvider(scores, inSavedOrder);
    }

    @Override
    public SearchScoreProvider diversityProviderFor(int node) {
        return pq.diversityProviderFor(node);
    }
}
