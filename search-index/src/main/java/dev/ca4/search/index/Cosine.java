package dev.ca4.search.index;

/** Cosine similarity on unit vectors: normalize once at the door, then a dot product is the cosine. */
public final class Cosine {
    private Cosine() {
    }

    /** A unit-length copy; a zero or non-finite vector has no direction and is refused. */
    public static float[] normalized(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("a vector of norm " + norm + " has no direction (zero or not finite)");
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** jvector's DOT_PRODUCT score, (1 + dot) / 2, back to the cosine of unit vectors. */
    public static float fromScore(float score) {
        return 2 * score - 1;
    }
}
