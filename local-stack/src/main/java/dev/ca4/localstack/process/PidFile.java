package dev.ca4.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code <home>/run/<service>.pid}: the pid of a service's JVM, as one decimal line. */
public final class PidFile {

    private final Path path;

    public PidFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The recorded pid; empty when there is no file or it does not hold a number. */
    public Optional<Long> read() {
        try {
            return Optional.of(Long.parseLong(Files.readString(path).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void write(long pid) {
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, pid + System.lineSeparator());
            Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
