package dev.ca4.producer.image;

import dev.ca4.producer.FileDigest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The input the pretrained Keras ResNet50 expects ("caffe" preprocessing), as DL4J's imported graph takes it:
 * <ol>
 *   <li>resize so the shorter side is 256, then centre-crop 224×224 (decoded directly as the centre square of
 *       side 224/256 of the shorter side, then resized to 224 with bilinear steps);</li>
 *   <li>transparent pixels composited onto white;</li>
 *   <li>channel order BGR, channels first (NCHW): index {@code c·224·224 + y·224 + x};</li>
 *   <li>0–255 values minus the ImageNet mean per channel, B 103.939, G 116.779, R 123.68; no scaling.</li>
 * </ol>
 */
public final class ResNetPreprocessor {

    public static final int SIZE = 224;
    public static final int RESIZE = 256;
    public static final float MEAN_B = 103.939f;
    public static final float MEAN_G = 116.779f;
    public static final float MEAN_R = 123.68f;

    /** Reads, hashes and preprocesses one file. */
    public PreparedImage prepare(Path file, String id) throws ImageException {
        long start = System.nanoTime();
        ImageDecoder.Decoded decoded = ImageDecoder.decodeCentre(file, (double) SIZE / RESIZE, SIZE);
        float[] tensor = toTensor(resize(decoded.square(), SIZE));
        String sha = sha256(file);
        return new PreparedImage(id, sha, decoded.width(), decoded.height(), decoded.contentType(), tensor,
                (System.nanoTime() - start) / 1e6);
    }

    /** Halves with bilinear filtering while more than twice too big (plain bilinear aliases), then one last step. */
    static BufferedImage resize(BufferedImage src, int size) {
        BufferedImage current = src;
        int side = Math.min(src.getWidth(), src.getHeight());
        while (side >= size * 4) {
            side /= 2;
            current = draw(current, side);
        }
        return draw(current, size);
    }

    private static BufferedImage draw(BufferedImage src, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.drawImage(src, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A {@code SIZE×SIZE} RGB image to the BGR, mean-subtracted, channels-first tensor. */
    static float[] toTensor(BufferedImage rgb) {
        int plane = SIZE * SIZE;
        float[] t = new float[3 * plane];
        int[] row = new int[SIZE];
        for (int y = 0; y < SIZE; y++) {
            rgb.getRGB(0, y, SIZE, 1, row, 0, SIZE);
            for (int x = 0; x < SIZE; x++) {
                int p = row[x];
                int i = y * SIZE + x;
                t[i] = (p & 0xff) - MEAN_B;
                t[plane + i] = ((p >> 8) & 0xff) - MEAN_G;
                t[2 * plane + i] = ((p >> 16) & 0xff) - MEAN_R;
            }
        }
        return t;
    }

    private static String sha256(Path file) throws ImageException {
        try {
            return FileDigest.sha256(file);
        } catch (IOException e) {
            throw new ImageException("cannot read: " + e.getMessage(), e);
        }
    }
}
