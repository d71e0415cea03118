package dev.ca4.chaos;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server running as a podman container of its image (make test-images created it with the settings of
 * the Kubernetes manifests). Stopping it is what Kubernetes does to a pod: SIGTERM, then SIGKILL after the
 * grace period ({@code terminationGracePeriodSeconds}: 30 s). podman finds its settings through
 * CONTAINERS_CONF, inherited from this process (docs/containers.md).
 */
public final class ContainerServer extends ServerControl {
    static final int GRACE_SECONDS = 30;
    private static final long START_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(3);
    private final String container;

    public ContainerServer(String name, String container, URI base) {
        super(name, base);
        this.container = container;
    }

    @Override
    public Optional<Long> pid() {
        try {
            long pid = Long.parseLong(inspect("{{.State.Pid}}"));
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A field of podman inspect (a Go template), or "" when podman cannot say. */
    private String inspect(String template) {
        try {
            Process p = new ProcessBuilder("podman", "inspect", "--format", template, container)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (Exception e) {
            return "";
        }
    }

    @Override
    public void kill9() throws Exception {
        run(List.of("podman", "kill", "--signal", "KILL", container), 0);
        run(List.of("podman", "wait", container), 0);
    }

    /** SIGTERM, SIGKILL after the grace period; says how long it took and whether the grace period ran out. */
    @Override
    public void stop() throws Exception {
        long t0 = System.nanoTime();
        run(List.of("podman", "stop", "--time", Integer.toString(GRACE_SECONDS), container), 0);
        String exit = inspect("{{.State.ExitCode}}");
        Pipeline.log(String.format("%s: podman stop took %.1f s, exit code %s%s", container,
                (System.nanoTime() - t0) / 1e9, exit, "137".equals(exit) ? " (SIGKILL: the grace period ran out)" : ""));
    }

    /** podman start returns at once; like Liberty's start script, this returns once /health/started answers. */
    @Override
    public void start() throws Exception {
        run(List.of("podman", "start", container), 0);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (status("/health/started") != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("container " + container + " did not start in 3 minutes");
            }
            Thread.sleep(500);
        }
    }
}
