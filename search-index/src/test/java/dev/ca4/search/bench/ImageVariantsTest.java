package dev.ca4.search.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ImageVariantsTest {
    @TempDir
    Path tmp;

    private static void png(Path file, int w, int h, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | rgb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private List<String> jpgs(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jpg")).sorted().toList();
        }
    }

    @Test
    void writesNVariantsOfEachPhotoSkipsIconsAndUnreadableFilesAndReplacesAnEarlierRun() throws Exception {
        png(tmp.resolve("photos/b/sea.png"), 300, 200, 0x40);
        png(tmp.resolve("photos/a/hill.png"), 200, 300, 0x80);
        png(tmp.resolve("photos/a/icon.png"), 48, 48, 0);
        Files.writeString(tmp.resolve("photos/a/broken.jpg"), "not a jpeg");
        Files.writeString(tmp.resolve("photos/a/notes.txt"), "not a photo");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("9999-stale-000.jpg"), "from an earlier run");

        int rc = new CommandLine(new ImageVariants()).execute("--out", out.toString(), "--per-image", "3",
                "--shorter-side", "64", tmp.resolve("photos").toString());
        assertEquals(0, rc);
        assertEquals(List.of("0000-hill-000.jpg", "0000-hill-001.jpg", "0000-hill-002.jpg",
                "0001-sea-000.jpg", "0001-sea-001.jpg", "0001-sea-002.jpg"), jpgs(out));
        BufferedImage first = ImageIO.read(out.resolve("0000-hill-000.jpg").toFile());
        assertNotNull(first);
        assertEquals(64, Math.min(first.getWidth(), first.getHeight()));
        assertEquals(List.of(tmp.resolve("photos/a/hill.png").toString(), tmp.resolve("photos/b/sea.png").toString()),
                Files.readAllLines(out.resolve("sources.txt")));

        byte[] before = Files.readAllBytes(out.resolve("0001-sea-002.jpg"));
        assertEquals(0, new CommandLine(new ImageVariants()).execute("--out", out.toString(), "--per-image", "3",
                "--shorter-side", "64", tmp.resolve("photos").toString()));
        assertArrayEquals(before, Files.readAllBytes(out.resolve("0001-sea-002.jpg")), "the same seed, the same variant");
    }

    @Test
    void noUsablePhotoOrAMissingPathFails() throws Exception {
        png(tmp.resolve("icons/icon.png"), 48, 48, 0);
        assertEquals(2, new CommandLine(new ImageVariants()).execute("--out", tmp.resolve("out").toString(),
                tmp.resolve("icons").toString()));
        CommandLine missing = new CommandLine(new ImageVariants());
        assertEquals(2, missing.execute("--out", tmp.resolve("out").toString(), tmp.resolve("nowhere").toString()));
        assertEquals(2, new CommandLine(new ImageVariants()).execute("--out", tmp.resolve("out").toString(),
                "--per-image", "0", tmp.resolve("icons").toString()));
    }
}
