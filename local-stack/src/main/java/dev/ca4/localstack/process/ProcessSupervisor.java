package dev.ca4.localstack.process;

import dev.ca4.localstack.LocalStackException;
import dev.ca4.localstack.Service;
import dev.ca4.localstack.StackConfig;
import dev.ca4.localstack.StopResult;
import dev.ca4.localstack.StopResult.Outcome;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Spawns, finds, stops and kills the service JVMs through their pid files. */
public final class ProcessSupervisor {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final StackConfig config;

    public ProcessSupervisor(StackConfig config) {
        this.config = config;
    }

    public PidFile pidFile(Service service) {
        return new PidFile(config.pidFile(service));
    }

    /** The service's JVM when its pid file names a live process running the service's main class. */
    public Optional<ProcessHandle> running(Service service) {
        return pidFile(service).read()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> runsMainClass(handle, service));
    }

    /** Forgets a pid file that names no live service JVM (crashed, killed, rebooted). */
    public void forgetIfStale(Service service) {
        if (running(service).isEmpty()) {
            pidFile(service).delete();
        }
    }

    /** Starts the service's JVM detached, output appended to its log; records its pid. */
    public Process spawn(Service service) {
        try {
            Files.createDirectories(config.dataDir(service));
            Files.createDirectories(config.logFile(service).getParent());
            Files.writeString(config.logFile(service),
                    "==== " + Instant.now() + " starting " + service + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(JavaCommand.command(service.mainClass(), service.maxHeap()))
                    .directory(config.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile(service).toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(config.toEnvironment());
            Process process = builder.start();
            pidFile(service).write(process.pid());
            return process;
        } catch (IOException e) {
            throw new LocalStackException(LocalStackException.Kind.START_FAILED,
                    "cannot start " + service + ": " + e.getMessage(), e);
        }
    }

    /** SIGTERM, then SIGKILL after {@code timeout}; removes the pid file. */
    public StopResult stop(Service service, Duration timeout) {
        Optional<ProcessHandle> running = running(service);
        if (running.isEmpty()) {
            pidFile(service).delete();
            return StopResult.notRunning(service);
        }
        ProcessHandle handle = running.get();
        long started = System.nanoTime();
        handle.destroy();
        boolean forced = !awaitExit(handle, timeout);
        if (forced) {
            handle.destroyForcibly();
            if (!awaitExit(handle, KILL_WAIT)) {
                throw new LocalStackException(LocalStackException.Kind.STOP_FAILED,
                        service + " (pid " + handle.pid() + ") did not exit even after SIGKILL");
            }
        }
        pidFile(service).delete();
        return new StopResult(service, Optional.of(handle.pid()), forced ? Outcome.FORCED : Outcome.STOPPED,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** SIGKILL with no chance to clean up (chaos tests); waits only for the process to be gone. */
    public StopResult kill(Service service) {
        Optional<ProcessHandle> running = running(service);
        pidFile(service).delete();
        if (running.isEmpty()) {
            return StopResult.notRunning(service);
        }
        long started = System.nanoTime();
        running.get().destroyForcibly();
        awaitExit(running.get(), KILL_WAIT);
        return new StopResult(service, Optional.of(running.get().pid()), Outcome.KILLED,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /** Guards against a recycled pid: the process must run our main class (when the OS tells us its arguments). */
    private static boolean runsMainClass(ProcessHandle handle, Service service) {
        return handle.info().arguments()
                .map(args -> java.util.Arrays.asList(args).contains(service.mainClass()))
                .orElse(true);
    }
}
