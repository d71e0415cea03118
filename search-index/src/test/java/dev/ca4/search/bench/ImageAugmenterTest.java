package dev.ca4.search.bench;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageAugmenterTest {
    /** Left half red, right half blue: a crop and a mirror show in which colour is where. */
    private static BufferedImage halves(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, x < w / 2 ? 0xc00000 : 0x0000c0);
            }
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aVariantHasTheShorterSideAskedForAndTheSameSeedGivesTheSameVariant() {
        ImageAugmenter augmenter = new ImageAugmenter(64);
        BufferedImage source = halves(400, 300);
        for (int seed = 0; seed < 20; seed++) {
            BufferedImage a = augmenter.variant(source, new SplittableRandom(seed));
            assertEquals(64, Math.min(a.getWidth(), a.getHeight()));
            assertTrue(Math.max(a.getWidth(), a.getHeight()) <= Math.ceil(64 * 4.0 / 3 * 1.01), a.getWidth() + "x" + a.getHeight());
            assertArrayEquals(pixels(a), pixels(augmenter.variant(source, new SplittableRandom(seed))));
        }
    }

    @Test
    void variantsDifferInCropMirrorAndExposure() {
        ImageAugmenter augmenter = new ImageAugmenter(64);
        BufferedImage source = halves(400, 300);
        SplittableRandom random = new SplittableRandom(5);
        int redLeft = 0;
        int blueLeft = 0;
        int differentRed = 0;
        int previousRed = -1;
        for (int i = 0; i < 40; i++) {
            BufferedImage v = augmenter.variant(source, random);
            int left = v.getRGB(1, v.getHeight() / 2);
            if ((left >> 16 & 0xff) > (left & 0xff)) {
                redLeft++;
            } else if ((left & 0xff) > (left >> 16 & 0xff)) {
                blueLeft++;
            }
            int red = Math.max(left >> 16 & 0xff, left & 0xff);
            if (red != previousRed) {
                differentRed++;
            }
            previousRed = red;
        }
        assertTrue(redLeft > 5 && blueLeft > 5, "mirrored or cropped to either side: red left " + redLeft + ", blue left " + blueLeft);
        assertTrue(differentRed > 20, "exposure varies: " + differentRed + " distinct of 40");
    }

    @Test
    void transparencyBecomesWhiteAndAnRgbImageIsKept() {
        BufferedImage clear = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        assertEquals(0xffffff, ImageAugmenter.toRgb(clear).getRGB(3, 3) & 0xffffff);
        BufferedImage rgb = halves(10, 10);
        assertEquals(rgb, ImageAugmenter.toRgb(rgb));
        assertFalse(ImageAugmenter.toRgb(clear).getColorModel().hasAlpha());
    }

    @Test
    void aTinyShorterSideIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImageAugmenter(8));
        assertTrue(e.getMessage().contains("at least 32 pixels, not 8"), e.getMessage());
    }
}
