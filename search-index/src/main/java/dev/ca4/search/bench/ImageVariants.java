package dev.ca4.search.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * make bench-search-real, step 1: a corpus of real images from a few real photos, {@code --per-image} variants of
 * each ({@link ImageAugmenter}), written as JPEG files for the producer to embed (docs/similarity-search.md, "Real
 * embeddings"). The same sources and seed give the same files.
 */
@Command(name = "image-variants", mixinStandardHelpOptions = true,
        description = "Write random crops, mirrors and exposure changes of real photos as JPEG files.")
public final class ImageVariants implements Callable<Integer> {
    private static final List<String> READABLE = List.of(".jpg", ".jpeg", ".png", ".gif", ".bmp");

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Photos, or directories searched recursively for .jpg .jpeg .png .gif .bmp files.")
    List<Path> sources;
    @Option(names = "--out", required = true, description = "Where the variants go (its .jpg files are replaced).")
    Path out;
    @Option(names = "--per-image", defaultValue = "50", description = "Variants of each photo (default: ${DEFAULT-VALUE}).")
    int perImage;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the crops (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--min-side", defaultValue = "128", description = "Photos with a shorter side below this are skipped, as icons and test patterns (default: ${DEFAULT-VALUE}).")
    int minSide;
    @Option(names = "--max-source-side", defaultValue = "1024", description = "A photo is first scaled so its longer side is at most this (default: ${DEFAULT-VALUE}).")
    int maxSourceSide;
    @Option(names = "--shorter-side", defaultValue = "256", description = "Shorter side of each variant, the producer's resize (default: ${DEFAULT-VALUE}).")
    int shorterSide;

    @Override
    public Integer call() throws IOException {
        if (perImage < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--per-image must be at least 1, not " + perImage);
        }
        for (Path p : sources) {
            if (!Files.exists(p)) {
                System.err.println("no such photo or directory: " + p);
                return 2;
            }
        }
        List<Path> photos = photos(sources);
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".jpg")).toList()) {
                Files.delete(p);
            }
        }
        ImageAugmenter augmenter = new ImageAugmenter(shorterSide);
        List<String> used = new ArrayList<>();
        int skipped = 0;
        for (Path photo : photos) {
            BufferedImage image;
            try {
                image = ImageIO.read(photo.toFile());
            } catch (IOException | RuntimeException e) {
                image = null;
            }
            if (image == null) {
                System.err.println("skipped " + photo + ": not an image ImageIO can read");
                skipped++;
                continue;
            }
            if (Math.min(image.getWidth(), image.getHeight()) < minSide) {
                skipped++;
                continue;
            }
            int index = used.size();
            BufferedImage source = fit(ImageAugmenter.toRgb(image), maxSourceSide);
            SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
            String name = baseName(photo);
            for (int v = 0; v < perImage; v++) {
                Path file = out.resolve(String.format(Locale.ROOT, "%04d-%s-%03d.jpg", index, name, v));
                writeJpeg(augmenter.variant(source, random), file);
            }
            used.add(photo.toString());
        }
        if (used.isEmpty()) {
            System.err.println("no photo of at least " + minSide + " pixels a side in " + sources);
            return 2;
        }
        Files.write(out.resolve("sources.txt"), used);
        System.out.printf("%d photos (%d skipped: unreadable or under %d px), %d variants written to %s%n",
                used.size(), skipped, minSide, used.size() * perImage, out);
        return 0;
    }

    /** The photo files under the paths, in path order so that the corpus does not depend on the file system. */
    static List<Path> photos(List<Path> paths) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(ImageVariants::readable).forEach(found::add);
                }
            } else if (Files.isRegularFile(p)) {
                found.add(p);
            } else {
                throw new IOException("no such photo or directory: " + p);
            }
        }
        return found.stream().distinct().sorted().toList();
    }

    private static boolean readable(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return READABLE.stream().anyMatch(name::endsWith);
    }

    private static String baseName(Path photo) {
        String name = photo.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static BufferedImage fit(BufferedImage image, int maxSide) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return image;
        }
        double s = maxSide / (double) longer;
        BufferedImage scaled = new BufferedImage(Math.max(1, (int) Math.round(image.getWidth() * s)),
                Math.max(1, (int) Math.round(image.getHeight() * s)), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, scaled.getWidth(), scaled.getHeight(), null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImageVariants()).execute(args));
    }
}
