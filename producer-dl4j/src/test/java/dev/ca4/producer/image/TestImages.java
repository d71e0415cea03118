package dev.ca4.producer.image;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Images made by the tests: solid colours, two halves, and a huge PNG streamed to disk without holding it. */
public final class TestImages {

    private TestImages() {
    }

    public static Path solid(Path dir, String name, int w, int h, Color c) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** Left half {@code left}, right half {@code right}. */
    public static Path halves(Path dir, String name, int w, int h, Color left, Color right) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(right);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /**
     * A {@code side × side} 8-bit RGB PNG, every pixel {@code grey}, written row by row: a few MB on disk, but
     * {@code 3·side²} bytes once fully decoded.
     */
    public static Path hugePng(Path dir, int side, int grey) throws IOException {
        Path file = dir.resolve("huge-" + side + ".png");
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            byte[] ihdr = new byte[13];
            java.nio.ByteBuffer.wrap(ihdr).putInt(side).putInt(side).put((byte) 8).put((byte) 2);
            chunk(out, "IHDR", ihdr);
            java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[1 + 3 * side]; // filter byte 0, then RGB
                java.util.Arrays.fill(row, 1, row.length, (byte) grey);
                for (int y = 0; y < side; y++) {
                    z.write(row);
                }
            }
            deflater.end();
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
