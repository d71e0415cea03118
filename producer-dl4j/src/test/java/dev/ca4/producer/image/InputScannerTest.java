package dev.ca4.producer.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InputScannerTest {
    @TempDir
    Path dir;

    @Test
    void directoriesAreWalkedForImageSuffixesFilesAreTakenAsGiven() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images/nested"));
        Files.writeString(dir.resolve("images/a.JPG"), "x");
        Files.writeString(images.resolve("b.png"), "x");
        Files.writeString(dir.resolve("images/readme.txt"), "x");
        Files.writeString(dir.resolve("images/.hidden.png"), "x");
        Path odd = Files.writeString(dir.resolve("odd.dat"), "x");

        InputScanner.Inputs in = InputScanner.scan(List.of(dir.resolve("images"), odd, dir.resolve("images/a.JPG")),
                List.of());

        assertEquals(List.of(dir.resolve("images/a.JPG"), images.resolve("b.png"), odd), in.images());
        assertEquals(List.of(dir.resolve("images/readme.txt")), in.skipped());
    }

    @Test
    void listFileGivesPathsRelativeToItselfWithComments() throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Path list = Files.writeString(dir.resolve("lists/batch.txt"),
                "# today's images\n../x.png\n\n  /abs/y.jpg  \nmissing.gif\n");
        InputScanner.Inputs in = InputScanner.scan(List.of(), List.of(list));
        assertEquals(List.of(dir.resolve("x.png"), Path.of("/abs/y.jpg"), dir.resolve("lists/missing.gif")),
                in.images());
    }
}
