package dev.ca4.localstack.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The java binary and class path for a service JVM. From the runnable jar (target/local-stack.jar beside
 * target/lib/) that is the jar itself, as the launcher. Used as a library (another module's tests) it is this
 * module's own runtime class path, recorded at build time, so the services never inherit the caller's versions
 * (Netty, Jackson, ...). The launcher's {@code java.class.path} is the last resort.
 */
public final class JavaCommand {

    /** Written by maven-dependency-plugin build-classpath at generate-resources. */
    static final String CLASSPATH_RESOURCE = "/dev/ca4/localstack/runtime-classpath.txt";
    /** A logback configuration that is not called logback.xml, so this jar never configures its users' logging. */
    public static final String LOGBACK_CONFIG = "ca4-local-stack-logback.xml";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private JavaCommand() {
    }

    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public static String classPath() {
        Path self = ownLocation();
        if (self != null && Files.isRegularFile(self) && Files.isDirectory(self.resolveSibling("lib"))) {
            return self.toString();
        }
        List<String> recorded = recordedClassPath();
        if (self != null && !recorded.isEmpty() && recorded.stream().allMatch(p -> Files.exists(Path.of(p)))) {
            List<String> entries = new ArrayList<>();
            entries.add(self.toString());
            entries.addAll(recorded);
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /**
     * {@code [setsid] java -Xmx.. -cp .. <mainClass>} for one service. {@code setsid} (when present) puts the JVM
     * in its own session, so a Ctrl-C meant for the shell or make that started it does not reach it; it execs
     * java in place, so the pid stays the same. The throughput collector, as the worker's: the stack shares a small
     * machine with the pipeline, and G1's concurrent marking took 14-28% of the store's CPU while a worker drained
     * into it (bench/README.md, "The sink, fifth round").
     */
    public static List<String> command(String mainClass, String maxHeap) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of(javaBinary(), maxHeap, "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true", "-Dlogback.configurationFile=" + LOGBACK_CONFIG, "-cp", classPath(),
                mainClass));
        return command;
    }

    private static Path ownLocation() {
        try {
            var source = JavaCommand.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> recordedClassPath() {
        try (InputStream in = JavaCommand.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? List.of() : List.of(text.split(java.io.File.pathSeparator));
        } catch (IOException e) {
            return List.of();
        }
    }
}
