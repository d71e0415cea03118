package dev.ca4.producer.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the command line's inputs into image files: a file is taken as it is (whatever its name, so a bad one is
 * reported), a directory is walked recursively for files with an image suffix, a list file gives one path per
 * line ({@code #} comments, paths relative to the list's folder). Order is kept, duplicates dropped.
 */
public final class InputScanner {

    /** Suffixes the JDK's ImageIO decodes. */
    public static final Set<String> IMAGE_SUFFIXES = Set.of("jpg", "jpeg", "png", "gif", "bmp", "wbmp", "tif", "tiff");

    /** @param skipped files inside directories that were left out because of their name */
    public record Inputs(List<Path> images, List<Path> skipped) {
    }

    private InputScanner() {
    }

    public static Inputs scan(List<Path> paths, List<Path> listFiles) throws IOException {
        Set<Path> images = new LinkedHashSet<>();
        List<Path> skipped = new ArrayList<>();
        List<Path> all = new ArrayList<>(paths);
        for (Path list : listFiles) {
            all.addAll(readList(list));
        }
        for (Path p : all) {
            if (Files.isDirectory(p)) {
                walk(p, images, skipped);
            } else {
                images.add(p.normalize()); // missing or unreadable: reported when decoded
            }
        }
        return new Inputs(List.copyOf(images), List.copyOf(skipped));
    }

    static List<Path> readList(Path list) throws IOException {
        Path parent = list.getParent();
        try (Stream<String> lines = Files.lines(list)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> parent == null || Path.of(l).isAbsolute() ? Path.of(l) : parent.resolve(l)).toList();
        }
    }

    private static void walk(Path dir, Set<Path> images, List<Path> skipped) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    return;
                }
                if (isImageName(name)) {
                    images.add(f.normalize());
                } else {
                    skipped.add(f);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
