package dev.ca4.localstack;

import dev.ca4.localstack.probe.PortProbe;
import dev.ca4.localstack.process.ProcessSupervisor;
import dev.ca4.localstack.process.StackLock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The local stack from Java: Kafka, the Mongo-compatible store and the S3-compatible store on 127.0.0.1, each in
 * its own JVM. {@code service} is {@code kafka}, {@code mongo}, {@code s3} or {@code all}. Every method blocks until
 * done; start and stop are idempotent.
 */
public final class LocalStack {

    private final StackConfig config;
    private final ProcessSupervisor supervisor;
    private final ServiceStarter starter;

    public LocalStack(StackConfig config) {
        this.config = config;
        this.supervisor = new ProcessSupervisor(config);
        this.starter = new ServiceStarter(config, supervisor);
    }

    /** Home and ports from system properties, environment variables ({@code CA4_LOCAL_*}) or defaults. */
    public static LocalStack fromEnvironment() {
        return new LocalStack(StackConfig.fromEnvironment());
    }

    public StackConfig config() {
        return config;
    }

    /** Starts what is not running and waits until everything asked for is ready. */
    public List<StartResult> start(String service) {
        return start(service, result -> { });
    }

    /**
     * As {@link #start(String)}, telling {@code onReady} about each service as soon as it is ready. Fails before
     * starting anything when a port is taken by another process; otherwise starts the services in parallel.
     */
    public List<StartResult> start(String service, Consumer<StartResult> onReady) {
        List<Service> services = Service.parse(service);
        try (StackLock lock = StackLock.acquire(config.home())) {
            return startLocked(services, onReady);
        }
    }

    private List<StartResult> startLocked(List<Service> services, Consumer<StartResult> onReady) {
        List<String> conflicts = services.stream().map(starter::portConflict).flatMap(Optional::stream).toList();
        if (!conflicts.isEmpty()) {
            throw new LocalStackException(LocalStackException.Kind.PORT_IN_USE, String.join("\n", conflicts));
        }
        // Initialise logging before the readiness threads race to do it (SLF4J would replay their calls).
        org.slf4j.LoggerFactory.getILoggerFactory();
        List<ServiceStarter.Launch> launches = services.stream().map(starter::launch).toList();
        ExecutorService pool = Executors.newFixedThreadPool(launches.size(), runnable -> {
            Thread thread = new Thread(runnable, "ca4-local-stack-readiness");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<StartResult> done = new ExecutorCompletionService<>(pool);
            launches.forEach(launch -> done.submit(() -> starter.awaitReady(launch)));
            List<StartResult> results = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < launches.size(); i++) {
                try {
                    StartResult result = done.take().get();
                    results.add(result);
                    onReady.accept(result);
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new LocalStackException(LocalStackException.Kind.START_FAILED, String.join("\n", failures));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException(LocalStackException.Kind.START_FAILED, "interrupted while starting", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** SIGTERM in reverse start order, SIGKILL after the stop timeout. */
    public List<StopResult> stop(String service) {
        List<Service> services = Service.parseStopOrder(service);
        try (StackLock lock = StackLock.acquire(config.home())) {
            return services.stream().map(s -> supervisor.stop(s, config.stopTimeout())).toList();
        }
    }

    /**
     * SIGKILL, no clean-up (chaos tests): Mongo may lose its last second of writes, Kafka recovers its logs.
     * Takes no lock, so it also ends a start that hangs.
     */
    public List<StopResult> kill(String service) {
        return Service.parseStopOrder(service).stream().map(supervisor::kill).toList();
    }

    public List<ServiceStatus> status(String service) {
        return Service.parse(service).stream().map(this::status).toList();
    }

    /** Whether every service named is running and answering on its port. */
    public boolean isUp(String service) {
        return status(service).stream().allMatch(ServiceStatus::up);
    }

    private ServiceStatus status(Service service) {
        Optional<Long> pid = supervisor.running(service).map(ProcessHandle::pid);
        boolean up = pid.isPresent() && PortProbe.isListening(config.port(service));
        return new ServiceStatus(service, config.address(service), pid, up);
    }

    public String kafkaBootstrap() {
        return config.kafkaBootstrap();
    }

    public String mongoUri() {
        return config.mongoUri();
    }

    public String s3Endpoint() {
        return config.s3Endpoint();
    }
}
