/*
 * Draws the sample images of producer-dl4j/samples/ (made by this project, no third-party content).
 * Run from producer-dl4j/:  java scripts/MakeSamples.java samples
 * Deterministic: the same files every time (fixed seed, no fonts).
 */
import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

public class MakeSamples {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "samples");
        dir.mkdirs();
        Random random = new Random(20261123);

        BufferedImage sunset = canvas(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paint(sunset);
        g.setPaint(new GradientPaint(0, 0, new Color(255, 140, 60), 0, 240, new Color(60, 20, 120)));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(255, 220, 90));
        g.fillOval(120, 110, 80, 80);
        g.setColor(new Color(20, 20, 40));
        g.fillRect(0, 170, 320, 70);
        write(sunset, "jpg", new File(dir, "sunset.jpg"));

        BufferedImage circles = canvas(256, 256, BufferedImage.TYPE_INT_ARGB); // transparent background
        g = paint(circles);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 200));
            int r = 20 + random.nextInt(50);
            g.fillOval(random.nextInt(256 - r), random.nextInt(256 - r), r, r);
        }
        write(circles, "png", new File(dir, "circles.png"));

        BufferedImage checker = canvas(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        g = paint(checker);
        for (int y = 0; y < 200; y += 25) {
            for (int x = 0; x < 300; x += 25) {
                g.setColor(((x + y) / 25) % 2 == 0 ? Color.WHITE : Color.DARK_GRAY);
                g.fillRect(x, y, 25, 25);
            }
        }
        write(checker, "png", new File(dir, "checker-gray.png"));

        BufferedImage stripes = canvas(400, 300, BufferedImage.TYPE_INT_RGB);
        g = paint(stripes);
        Color[] palette = {new Color(230, 57, 70), new Color(241, 250, 238), new Color(69, 123, 157)};
        for (int x = -300; x < 400; x += 30) {
            g.setColor(palette[Math.floorMod(x / 30, 3)]);
            g.setStroke(new BasicStroke(30));
            g.drawLine(x, 0, x + 300, 300);
        }
        write(stripes, "jpg", new File(dir, "stripes.jpg"));

        BufferedImage house = canvas(240, 320, BufferedImage.TYPE_INT_RGB); // portrait
        g = paint(house);
        g.setColor(new Color(135, 206, 235));
        g.fillRect(0, 0, 240, 320);
        g.setColor(new Color(34, 139, 34));
        g.fillRect(0, 240, 240, 80);
        g.setColor(new Color(178, 34, 34));
        g.fillPolygon(new int[]{40, 120, 200}, new int[]{140, 70, 140}, 3);
        g.setColor(new Color(245, 222, 179));
        g.fillRect(60, 140, 120, 100);
        g.setColor(new Color(101, 67, 33));
        g.fillRect(105, 190, 30, 50);
        write(house, "png", new File(dir, "house.png"));

        BufferedImage noise = canvas(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                noise.setRGB(x, y, (x * 2) << 16 | (y * 2) << 8 | random.nextInt(256));
            }
        }
        write(noise, "gif", new File(dir, "gradient-noise.gif"));
    }

    private static BufferedImage canvas(int w, int h, int type) {
        return new BufferedImage(w, h, type);
    }

    private static Graphics2D paint(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static void write(BufferedImage image, String format, File file) throws Exception {
        if (!ImageIO.write(image, format, file)) {
            throw new IllegalStateException("no writer for " + format);
        }
    }
}
