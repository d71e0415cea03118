package dev.ca4.search.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Variants of a real photo, as a photo collection holds them: a random crop of 8-100% of its area (aspect 3:4 to
 * 4:3), mirrored half of the time, brighter or darker and of more or less contrast (up to 25% either way), scaled
 * so its shorter side is {@code shorterSide}. The same source and seed give the same variant. Used to make a real
 * image corpus for {@code make bench-search-real} (docs/similarity-search.md, "Real embeddings").
 */
final class ImageAugmenter {
    private static final double MIN_AREA = 0.08;
    private static final double MAX_ASPECT = 4.0 / 3.0;
    private static final double JITTER = 0.25;

    private final int shorterSide;

    ImageAugmenter(int shorterSide) {
        if (shorterSide < 32) {
            throw new IllegalArgumentException("a variant's shorter side must be at least 32 pixels, not "
                    + shorterSide);
        }
        this.shorterSide = shorterSide;
    }

    /** Opaque RGB, transparent pixels on white (as the producer reads them). */
    static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** One variant of {@code source} (opaque RGB), drawn from {@code random}. */
    BufferedImage variant(BufferedImage source, SplittableRandom random) {
        int w = source.getWidth();
        int h = source.getHeight();
        double area = w * (double) h * (MIN_AREA + (1 - MIN_AREA) * random.nextDouble());
        double aspect = Math.exp(Math.log(MAX_ASPECT) * (2 * random.nextDouble() - 1));
        int cw = clamp((int) Math.round(Math.sqrt(area * aspect)), 1, w);
        int ch = clamp((int) Math.round(Math.sqrt(area / aspect)), 1, h);
        int x = random.nextInt(w - cw + 1);
        int y = random.nextInt(h - ch + 1);
        boolean mirror = random.nextBoolean();
        double brightness = 1 + JITTER * (2 * random.nextDouble() - 1);
        double contrast = 1 + JITTER * (2 * random.nextDouble() - 1);

        double scale = shorterSide / (double) Math.min(cw, ch);
        int ow = Math.max(1, (int) Math.round(cw * scale));
        int oh = Math.max(1, (int) Math.round(ch * scale));
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int dx1 = mirror ? ow : 0;
            int dx2 = mirror ? 0 : ow;
            g.drawImage(source, dx1, 0, dx2, oh, x, y, x + cw, y + ch, null);
        } finally {
            g.dispose();
        }
        adjust(out, brightness, contrast);
        return out;
    }

    /** Contrast around mid-grey, then brightness, per channel, clamped to 0..255. */
    private static void adjust(BufferedImage image, double brightness, double contrast) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int r = channel((p >> 16) & 0xff, brightness, contrast);
            int gr = channel((p >> 8) & 0xff, brightness, contrast);
            int b = channel(p & 0xff, brightness, contrast);
            pixels[i] = (r << 16) | (gr << 8) | b;
        }
        image.setRGB(0, 0, image.getWidth(), image.getHeight(), pixels, 0, image.getWidth());
    }

    private static int channel(int value, double brightness, double contrast) {
        return clamp((int) Math.round(((value - 127.5) * contrast + 127.5) * brightness), 0, 255);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
