package dev.ca4.search.index;

import java.util.SplittableRandom;

/**
 * Clustered vectors like pooled CNN embeddings, the same for the same seed. Each is non-negative (post-ReLU):
 * one of {@code clusters} random centres, moved along a few shared latent directions (pose, light, scale of the
 * same kind of image) and a little noise. So neighbours are meaningful, as with real embeddings (a low-dimensional
 * structure in 2,048 dimensions), rather than the equidistant points that i.i.d. noise alone would give.
 */
public final class SyntheticVectors {
    private static final int LATENT = 16;
    private final int dimension;
    private final float[][] centres;
    private final float[][] directions;
    private final double latentScale;
    private final double noise;
    private final long seed;

    public SyntheticVectors(int dimension, int clusters, long seed) {
        this(dimension, clusters, 0.6, 0.1, seed);
    }

    public SyntheticVectors(int dimension, int clusters, double latentScale, double noise, long seed) {
        this.dimension = dimension;
        this.latentScale = latentScale;
        this.noise = noise;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        centres = new float[clusters][dimension];
        for (float[] c : centres) {
            for (int d = 0; d < dimension; d++) {
                c[d] = (float) Math.max(0, random.nextGaussian());
            }
        }
        directions = new float[LATENT][dimension];
        for (float[] dir : directions) {
            for (int d = 0; d < dimension; d++) {
                dir[d] = (float) random.nextGaussian();
            }
        }
    }

    /** Vector number {@code i}: its own random stream, so any vector can be made without the ones before it. */
    public float[] vector(long i) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
        float[] centre = centres[random.nextInt(centres.length)];
        double[] z = new double[LATENT];
        for (int j = 0; j < LATENT; j++) {
            z[j] = latentScale * random.nextGaussian();
        }
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            double x = centre[d] + noise * random.nextGaussian();
            for (int j = 0; j < LATENT; j++) {
                x += z[j] * directions[j][d];
            }
            v[d] = (float) Math.max(0, x);
        }
        return v;
    }
}
