package dev.ca4.localstack;

import dev.ca4.localstack.probe.PortProbe;
import dev.ca4.localstack.probe.ReadinessCheck;
import dev.ca4.localstack.process.LogTail;
import dev.ca4.localstack.process.ProcessSupervisor;

import java.time.Duration;
import java.util.Optional;

/** Starts one service (or finds it running) and blocks until it answers real requests. */
final class ServiceStarter {

    private static final int TAIL_LINES = 20;
    private static final long POLL_MS = 200;

    private final StackConfig config;
    private final ProcessSupervisor supervisor;

    ServiceStarter(StackConfig config, ProcessSupervisor supervisor) {
        this.config = config;
        this.supervisor = supervisor;
    }

    /** A "port taken by another process" message, or empty when the service may start (or is already ours). */
    Optional<String> portConflict(Service service) {
        if (supervisor.running(service).isPresent()) {
            return Optional.empty();
        }
        for (int port : config.ports(service)) {
            if (!PortProbe.isFree(port)) {
                return Optional.of("port " + port + " (" + service + ") is already in use by another process;"
                        + " stop that process, or give " + service + " another port (" + portOption(service, port)
                        + ")");
            }
        }
        return Optional.empty();
    }

    /** Spawns the service unless it is already running; returns the handle to wait on. */
    Launch launch(Service service) {
        Optional<ProcessHandle> running = supervisor.running(service);
        if (running.isPresent()) {
            return new Launch(service, running.get(), true, System.nanoTime());
        }
        supervisor.forgetIfStale(service);
        long started = System.nanoTime();
        return new Launch(service, supervisor.spawn(service).toHandle(), false, started);
    }

    /** Polls readiness until the deadline; on death or timeout reports the log tail (and kills a hung JVM). */
    StartResult awaitReady(Launch launch) {
        Service service = launch.service();
        long deadline = launch.startedNanos() + config.startTimeout().toNanos();
        try (ReadinessCheck check = ReadinessCheck.of(service, config)) {
            while (true) {
                if (!launch.handle().isAlive()) {
                    supervisor.pidFile(service).delete();
                    throw failure(service, service + " (pid " + launch.handle().pid() + ") exited during start");
                }
                if (check.isReady()) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - launch.startedNanos());
                    return new StartResult(service, config.address(service), launch.handle().pid(),
                            launch.alreadyRunning(), elapsed);
                }
                if (System.nanoTime() > deadline) {
                    if (!launch.alreadyRunning()) {
                        supervisor.kill(service);
                    }
                    throw failure(service, service + " (pid " + launch.handle().pid() + ") did not answer on "
                            + config.address(service) + " within " + config.startTimeout().toSeconds() + " s"
                            + (launch.alreadyRunning() ? "; it was running already: stop it first" : "; killed it"));
                }
                sleep();
            }
        }
    }

    private LocalStackException failure(Service service, String message) {
        return new LocalStackException(LocalStackException.Kind.START_FAILED,
                message + System.lineSeparator() + LogTail.format(config.logFile(service), TAIL_LINES));
    }

    private String portOption(Service service, int port) {
        String key = switch (service) {
            case KAFKA -> port == config.kafkaControllerPort() && port != config.kafkaPort()
                    ? StackConfig.KAFKA_CONTROLLER_PORT : StackConfig.KAFKA_PORT;
            case MONGO -> StackConfig.MONGO_PORT;
            case S3 -> StackConfig.S3_PORT;
        };
        return "--" + key.substring("ca4.local.".length()) + " or " + StackConfig.envName(key);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException(LocalStackException.Kind.START_FAILED, "interrupted while starting", e);
        }
    }

    /** A service JVM being waited on. */
    record Launch(Service service, ProcessHandle handle, boolean alreadyRunning, long startedNanos) {
    }
}
