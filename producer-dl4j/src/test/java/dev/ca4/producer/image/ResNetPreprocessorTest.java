package dev.ca4.producer.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ca4.producer.image.ResNetPreprocessor.MEAN_B;
import static dev.ca4.producer.image.ResNetPreprocessor.MEAN_G;
import static dev.ca4.producer.image.ResNetPreprocessor.MEAN_R;
import static dev.ca4.producer.image.ResNetPreprocessor.SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResNetPreprocessorTest {
    private static final int PLANE = SIZE * SIZE;
    private final ResNetPreprocessor preprocessor = new ResNetPreprocessor();

    @TempDir
    Path dir;

    @Test
    void solidColourBecomesBgrMinusImagenetMeanChannelsFirst() throws Exception {
        PreparedImage img = preprocessor.prepare(TestImages.solid(dir, "c.png", 300, 250, new Color(200, 100, 50)), "c");
        assertEquals(3 * PLANE, img.tensor().length);
        for (int i = 0; i < PLANE; i += 997) {
            assertEquals(50 - MEAN_B, img.tensor()[i], 1e-4f, "B plane first");
            assertEquals(100 - MEAN_G, img.tensor()[PLANE + i], 1e-4f, "G plane second");
            assertEquals(200 - MEAN_R, img.tensor()[2 * PLANE + i], 1e-4f, "R plane third");
        }
        assertEquals(300, img.width());
        assertEquals(250, img.height());
        assertEquals("image/png", img.contentType());
        assertEquals(64, img.sha256().length());
    }

    @Test
    void keepsTheCentreCropOfTheResizedImage() throws Exception {
        // 512×256: shorter side already 256, so the crop is x 144..367, y 16..239 with no resampling:
        // the left half (red) fills crop columns 0..111, the right half (blue) columns 112..223.
        Path file = TestImages.halves(dir, "h.png", 512, 256, Color.RED, Color.BLUE);
        float[] t = preprocessor.prepare(file, "h").tensor();
        for (int y : new int[]{0, 100, 223}) {
            for (int x : new int[]{0, 111}) {
                assertEquals(255 - MEAN_R, t[2 * PLANE + y * SIZE + x], 1e-4f, "red at " + x + "," + y);
                assertEquals(0 - MEAN_B, t[y * SIZE + x], 1e-4f);
            }
            for (int x : new int[]{112, 223}) {
                assertEquals(0 - MEAN_R, t[2 * PLANE + y * SIZE + x], 1e-4f, "blue at " + x + "," + y);
                assertEquals(255 - MEAN_B, t[y * SIZE + x], 1e-4f);
            }
        }
    }

    @Test
    void hugeImageIsDecodedSubsampledNotWhole() throws Exception {
        // 24000² RGB is 1.7 GB decoded, more than the test JVM's heap (surefire -Xmx1g): only a subsampled
        // centre square is ever allocated.
        Path file = TestImages.hugePng(dir, 24_000, 90);
        ImageDecoder.Decoded d = ImageDecoder.decodeCentre(file, 224.0 / 256, SIZE);
        assertEquals(24_000, d.width());
        assertTrue(d.square().getWidth() <= 4 * SIZE, "decoded " + d.square().getWidth() + " px wide");
        PreparedImage img = preprocessor.prepare(file, "huge");
        assertEquals(90 - MEAN_G, img.tensor()[PLANE + 5000], 1e-4f);
    }

    @Test
    void textFileIsNotAnImage() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.jpg"), "hello, not a JPEG");
        ImageException e = assertThrows(ImageException.class, () -> preprocessor.prepare(file, "notes.jpg"));
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void truncatedImageIsReported() throws Exception {
        Path good = TestImages.halves(dir, "t.png", 400, 400, Color.GREEN, Color.BLACK);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        ImageException e = assertThrows(ImageException.class, () -> preprocessor.prepare(truncated, "x"));
        assertTrue(e.getMessage().startsWith("cannot decode"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        ImageException e = assertThrows(ImageException.class,
                () -> preprocessor.prepare(dir.resolve("absent.png"), "absent.png"));
        assertEquals("not a readable file", e.getMessage());
    }
}
