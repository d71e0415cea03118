package dev.ca4.search.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ca4.event.EventJson;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * checkpoint.json, replaced atomically: written to a temporary file, forced, then renamed over the old one, so a
 * crash leaves either the old checkpoint or the new one, never half of one.
 */
public final class CheckpointFile {
    private static final ObjectMapper JSON = EventJson.MAPPER;

    private final Path path;

    public CheckpointFile(Path path) {
        this.path = path;
    }

    public Optional<Checkpoint> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(path.toFile(), Checkpoint.class));
        } catch (IOException e) {
            throw new IOException(path + " is not a checkpoint (" + e.getMessage() + "); delete the snapshot"
                    + " directory to rebuild the index from the topic", e);
        }
    }

    public void write(Checkpoint checkpoint) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(checkpoint));
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public Path path() {
        return path;
    }
}
