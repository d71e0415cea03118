package dev.ca4.search.index;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticVectorsTest {
    @Test
    void theSameSeedGivesTheSameVectorsAndEachIsNonNegative() {
        SyntheticVectors a = new SyntheticVectors(64, 5, 1);
        SyntheticVectors b = new SyntheticVectors(64, 5, 1);
        assertArrayEquals(a.vector(17), b.vector(17));
        assertFalse(java.util.Arrays.equals(a.vector(17), a.vector(18)));
        for (float x : a.vector(3)) {
            assertTrue(x >= 0, "post-ReLU values are non-negative");
        }
    }
}
