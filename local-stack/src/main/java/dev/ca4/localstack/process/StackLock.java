package dev.ca4.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code <home>/run/local-stack.lock}: one start or stop at a time per stack home, across processes (a file lock)
 * and across threads of one JVM (file locks are per process), so that two launchers racing to start the same
 * stack end with one JVM per service and the other launcher reporting "already running".
 */
public final class StackLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private StackLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until this thread holds the stack home's lock. */
    public static StackLock acquire(Path home) {
        Path file = home.resolve("run").resolve("local-stack.lock");
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(file, key -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new StackLock(threadLock, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            threadLock.unlock();
            throw new UncheckedIOException("cannot lock " + file, e);
        } catch (RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            threadLock.unlock();
        }
    }
}
