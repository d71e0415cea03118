package dev.ca4.search.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorFileTest {
    @TempDir
    Path tmp;

    @Test
    void storesUnitVectorsAndReadsThemBackAfterReopening() throws IOException {
        Path file = tmp.resolve("v.f32");
        try (VectorFile v = new VectorFile(file, 3)) {
            assertEquals(0, v.append(new float[]{3, 0, 4}));
            assertEquals(1, v.append(new float[]{0, 2, 0}));
            assertArrayEquals(new float[]{0.6f, 0, 0.8f}, v.get(0), 1e-6f);
            assertEquals(0.8f, v.dot(0, new float[]{0, 0, 1}), 1e-6f, "the in-place dot product reads the same vector");
            assertEquals(2, v.size());
        }
        try (VectorFile v = new VectorFile(file, 3)) {
            assertEquals(2, v.size(), "the count comes from the file");
            assertArrayEquals(new float[]{0, 1, 0}, v.get(1), 1e-6f);
            assertEquals(2, v.append(new float[]{1, 1, 0}), "appends continue after what is there");
            assertArrayEquals(new float[]{0.70710677f, 0.70710677f, 0}, v.get(2), 1e-6f);
        }
    }

    @Test
    void refusesAFileThatIsNotWholeVectorsAndVectorsOfAnotherSize() throws IOException {
        Path file = tmp.resolve("torn.f32");
        Files.write(file, new byte[13]);
        IOException torn = assertThrows(IOException.class, () -> new VectorFile(file, 3));
        assertTrue(torn.getMessage().contains("not a whole number of 3-d float32 vectors"), torn.getMessage());
        try (VectorFile v = new VectorFile(tmp.resolve("ok.f32"), 3)) {
            assertThrows(IllegalArgumentException.class, () -> v.append(new float[]{1, 2}));
            assertThrows(IndexOutOfBoundsException.class, () -> v.get(0));
        }
    }
}
