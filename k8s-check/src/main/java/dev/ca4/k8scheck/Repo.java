package dev.ca4.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository under test and how its overlays are rendered (kubectl kustomize, as deploy.sh applies them). */
public final class Repo {

    /** Every overlay a make target or the README tells someone to apply, plus the config templates. */
    public static final List<String> OVERLAYS = List.of("k8s/platform/overlays/aws", "k8s/platform/overlays/local",
            "k8s/app/overlays/aws", "k8s/app/overlays/local", "k8s/app/overlays/aws-keda",
            "k8s/monitoring/overlays/aws", "k8s/monitoring/overlays/local", "k8s/platform/templates");

    private Repo() {
    }

    public static Path root() {
        return Path.of(System.getProperty("ca4.repo", "..")).toAbsolutePath().normalize();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML that `kubectl kustomize DIR` prints; fails with kubectl's own message. */
    public static String render(String dir) {
        return run(List.of(System.getProperty("ca4.kubectl", "kubectl"), "kustomize", path(dir).toString()));
    }

    public static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
