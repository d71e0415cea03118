package dev.ca4.search.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ca4.event.EventJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indexed events by ordinal (the vector's position in the index) and by event_id, appended by one writer (the
 * feed) and read by any number of queries, and kept on disk as JSON Lines so a restart reloads it. An entry becomes
 * visible to readers only once {@link #append} returns: {@link #size()} is the publication point.
 */
public final class Catalog implements AutoCloseable {
    private static final ObjectMapper JSON = EventJson.MAPPER;

    private final Path path;
    private final FileChannel channel;
    private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
    // Single writer: model names and run ids repeat across events, so each distinct one is held once.
    private final Map<String, String> interned = new HashMap<>();
    private volatile Entry[] entries = new Entry[1024];
    private volatile int size;
    private long bytes;

    /**
     * Opens the catalog, keeping its first {@code bytes} bytes (the checkpoint's; -1 keeps the whole file), and
     * loads every entry in them.
     */
    public Catalog(Path path, long bytes) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (bytes >= 0 && bytes < channel.size()) {
            channel.truncate(bytes);
        }
        long held = channel.size();
        if (bytes > held) {
            channel.close();
            throw new IOException(path + " holds " + held + " bytes, its checkpoint names " + bytes);
        }
        this.bytes = channel.size();
        channel.position(0);
        BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            try {
                publish(JSON.readValue(line, Entry.class));
            } catch (IOException e) {
                throw new IOException(path + " line " + lineNumber + " is not a catalog entry: " + e.getMessage(), e);
            }
        }
        channel.position(this.bytes);
    }

    /**
     * Appends the entry, which takes the next ordinal. An event_id already present is a caller's bug (the index
     * checks first; its vector and this entry must keep the same ordinal), so it throws rather than skip.
     */
    public synchronized int append(Entry entry) throws IOException {
        if (ordinals.containsKey(entry.eventId())) {
            throw new IllegalStateException("event_id " + entry.eventId() + " is in the catalog already");
        }
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            bytes += channel.write(line, bytes);
        }
        return publish(entry);
    }

    private int publish(Entry e) {
        Entry compact = new Entry(e.eventId(), intern(e.modelName()), intern(e.runId()), e.tags(), e.image());
        int ordinal = size;
        Entry[] array = entries;
        if (ordinal == array.length) {
            array = Arrays.copyOf(array, array.length * 2);
            entries = array;
        }
        array[ordinal] = compact;
        ordinals.put(compact.eventId(), ordinal);
        size = ordinal + 1; // volatile write after the entry: a reader that sees the size sees the entry
        return ordinal;
    }

    private String intern(String s) {
        return s == null ? null : interned.computeIfAbsent(s, x -> x);
    }

    public int size() {
        return size;
    }

    /** Bytes of the file that hold {@link #size()} entries: what a checkpoint records. */
    public synchronized long bytes() {
        return bytes;
    }

    public Entry get(int ordinal) {
        if (ordinal < 0 || ordinal >= size) {
            throw new IndexOutOfBoundsException("no entry " + ordinal + " (" + size + " indexed)");
        }
        return entries[ordinal];
    }

    public Optional<Integer> ordinalOf(String eventId) {
        return Optional.ofNullable(ordinals.get(eventId));
    }

    public boolean contains(String eventId) {
        return ordinals.containsKey(eventId);
    }

    /** Makes every appended entry durable. */
    public void force() throws IOException {
        channel.force(false);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
