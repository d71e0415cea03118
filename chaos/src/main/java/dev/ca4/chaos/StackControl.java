package dev.ca4.chaos;

import java.nio.file.Path;
import java.util.List;

/** The local stack's services, through the same CLI (local-stack.jar) and home that make uses. */
public final class StackControl {
    private final Path jar;
    private final Path home;

    public StackControl(Path jar, Path home) {
        this.jar = jar;
        this.home = home;
    }

    /** SIGKILL ({@code local-stack kill}): Kafka recovers its log on the next start. */
    public void kill(String service) throws Exception {
        cli("kill", service);
    }

    public void stop(String service) throws Exception {
        cli("stop", service);
    }

    /** Starts and waits until the service answers real requests. */
    public void start(String service) throws Exception {
        cli("start", service);
    }

    private void cli(String command, String service) throws Exception {
        ServerControl.run(List.of("java", "-jar", jar.toString(), command, service, "--home", home.toString()), 0);
    }
}
