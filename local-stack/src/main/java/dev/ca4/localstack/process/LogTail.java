package dev.ca4.localstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a service log, for failure messages. */
public final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    public static List<String> lastLines(Path log, int count) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(no log at " + log + ": " + e.getMessage() + ")");
        }
    }

    /** The last lines as one indented block, headed by the log's path. */
    public static String format(Path log, int count) {
        StringBuilder text = new StringBuilder("last lines of ").append(log).append(':');
        for (String line : lastLines(log, count)) {
            text.append(System.lineSeparator()).append("    ").append(line);
        }
        return text.toString();
    }
}
