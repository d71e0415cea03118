package dev.ca4.chaos;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Liberty server of the build, driven by its own {@code bin/server} script as {@code make servers-up} does
 * (the server inherits this process's environment: make passes local.env and the secrets). Its pid is the one
 * the script records in {@code usr/servers/.pid/<name>.pid}.
 */
public final class LibertyServer extends ServerControl {
    private final Path script;

    public LibertyServer(String name, Path script, URI base) {
        super(name, base);
        this.script = script;
    }

    @Override
    public Optional<Long> pid() {
        Path file = script.getParent().getParent().resolve("usr/servers/.pid/" + name() + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void kill9() throws Exception {
        long pid = pid().orElseThrow(() -> new IllegalStateException(name() + " is not running"));
        run(List.of("kill", "-9", Long.toString(pid)), 0);
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    }

    @Override
    public void stop() throws Exception {
        run(List.of(script.toString(), "stop", name()), 0, 1); // 1: it was not running
    }

    @Override
    public void start() throws Exception {
        run(List.of(script.toString(), "start", name()), 0);
    }
}
