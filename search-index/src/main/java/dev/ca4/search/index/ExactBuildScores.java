package dev.ca4.search.index;

import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

/**
 * The graph builder's scores, exact: cosines of the full vectors, read in place from the {@link VectorFile}. The
 * graph is built on these rather than on the PQ codes because a node's neighbour list is chosen by them once and
 * for all: codes that cannot rank an image's near neighbours (concentrated embeddings, cosines of 0.998 and up,
 * docs/similarity-search.md, "Real embeddings") leave some of them linked from none of the others, where neither
 * the rerank nor {@link ExactRefinement} can reach them. Searches still walk the graph on the codes.
 * <p>
 * jvector's own exact provider copies each vector out of its {@code RandomAccessVectorValues} per score (8 KB for
 * 2,048 dims, thousands of times per insert); this one scores with {@link VectorFile#dot}, without a copy.
 * Scores are symmetric to the bit (the same products summed in the same order from either end), so the lists jvector
 * saves are in the order their scores are recomputed in when the graph is loaded again.
 */
final class ExactBuildScores implements BuildScoreProvider {
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final VectorFile vectors;

    ExactBuildScores(VectorFile vectors) {
        this.vectors = vectors;
    }

    @Override
    public boolean isExact() {
        return true;
    }

    /** The mean of the stored vectors: jvector's entry point is the node nearest to it, chosen again as it grows. */
    @Override
    public VectorFloat<?> approximateCentroid() {
        int n = vectors.size();
        float[] sum = new float[vectors.dimension()];
        for (int i = 0; i < n; i++) {
            float[] v = vectors.get(i);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(1, n);
        }
        return VTS.createFloatVector(sum);
    }

    @Override
    public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
        float[] unit = new float[vector.length()];
        for (int d = 0; d < unit.length; d++) {
            unit[d] = vector.get(d);
        }
        return scoresAgainst(unit);
    }

    @Override
    public SearchScoreProvider searchProviderFor(int node) {
        return scoresAgainst(vectors.get(node));
    }

    @Override
    public SearchScoreProvider diversityProviderFor(int node) {
        return scoresAgainst(vectors.get(node));
    }

    /** jvector's DOT_PRODUCT score, (1 + cosine) / 2, of every stored unit vector against this one. */
    private SearchScoreProvider scoresAgainst(float[] unit) {
        ScoreFunction.ExactScoreFunction exact = node -> (1 + vectors.dot(node, unit)) / 2;
        return new SearchScoreProvider(exact);
    }
}
