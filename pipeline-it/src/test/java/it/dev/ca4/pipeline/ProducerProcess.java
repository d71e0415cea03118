package it.dev.ca4.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The runnable jar as a user runs it: {@code java -jar ca4-producer-cpu.jar …} in the producer's module folder (so
 * {@code samples/…} are its sample images, named as a user names them), stderr collected line by line.
 */
final class ProducerProcess {
    static final Path JAR = Path.of(System.getProperty("ca4.producer.jar",
            "../producer-dl4j/target/ca4-producer-cpu.jar")).toAbsolutePath();
    static final Path PRODUCER_DIR = Path.of(System.getProperty("ca4.producer.dir", "../producer-dl4j"))
            .toAbsolutePath();

    private final Process process;
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final StringBuilder stdout = new StringBuilder();
    private final Thread err;
    private final Thread out;

    private ProducerProcess(Process process) {
        this.process = process;
        err = new Thread(() -> collect(process.getErrorStream(), stderr::add));
        out = new Thread(() -> collect(process.getInputStream(), l -> {
            synchronized (stdout) {
                stdout.append(l).append('\n');
            }
        }));
        err.setDaemon(true);
        out.setDaemon(true);
        err.start();
        out.start();
    }

    /** Inherits the environment: CA4_API_KEYS from `make test` is the API key. */
    static ProducerProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return new ProducerProcess(new ProcessBuilder(cmd).directory(PRODUCER_DIR.toFile()).start());
    }

    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("producer still running after " + timeout.toSeconds() + " s; stderr:\n" + String.join("\n", stderr));
        }
        // The readers end at the streams' end, once they have every line the process wrote.
        err.join(TimeUnit.SECONDS.toMillis(10));
        out.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    String stdout() {
        synchronized (stdout) {
            return stdout.toString();
        }
    }

    String transcript() {
        return "stdout:\n" + stdout() + "stderr:\n" + String.join("\n", stderr);
    }

    private static void collect(java.io.InputStream in, java.util.function.Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                sink.accept(line);
            }
        } catch (IOException e) {
            // process ended
        }
    }
}
