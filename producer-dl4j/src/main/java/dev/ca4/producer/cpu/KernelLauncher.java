package dev.ca4.producer.cpu;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Before the CPU jar loads ND4J: finds the OpenBLAS kernels this CPU gets, says which on stderr, and when they are
 * a fallback on a CPU with AVX2 or AVX-512 runs the producer again in a child process with
 * {@code OPENBLAS_CORETYPE} set ({@link OpenBlasKernels}). A user's own {@code OPENBLAS_CORETYPE} is left alone.
 */
public final class KernelLauncher {
    /** Set on the child, so it neither probes nor restarts again; its value is the kernel family it runs. */
    static final String CHOSEN_PROPERTY = "ca4.producer.openblas-core";
    /**
     * Tests only: what OpenBLAS "chose" on a CPU it does not know (no such CPU is at hand where the tests run), so
     * the restart path runs for real from there on.
     */
    static final String SIMULATED_CHOICE_PROPERTY = "ca4.producer.test.openblas-choice";
    private static final Set<String> NO_WORK = Set.of("-h", "--help", "-V", "--version");

    private KernelLauncher() {
    }

    /**
     * What OpenBLAS chose on this CPU and, when that is a fallback the CPU can do better than (and the user did not
     * choose it), the core type to restart with: one OpenBLAS accepts, probed first.
     */
    record Decision(CpuFeatures cpu, String chosen, Optional<String> restartWith) {
        /** The kernels the producer runs in the end. */
        String running() {
            return restartWith.orElse(chosen);
        }
    }

    /** Empty when OpenBLAS said nothing (nothing to judge). */
    static Optional<Decision> decide(CpuFeatures cpu, String userCore) {
        Optional<String> chosen = Optional.ofNullable(System.getProperty(SIMULATED_CHOICE_PROPERTY))
                .or(() -> OpenBlasKernels.probe(userCore));
        return chosen.map(core -> new Decision(cpu, core, userCore != null ? Optional.empty()
                : OpenBlasKernels.override(cpu, core).flatMap(OpenBlasKernels::probe)
                .filter(better -> !OpenBlasKernels.isFallback(better))));
    }

    /** The exit code of the restarted producer, or empty when this process should go on itself. */
    public static OptionalInt relaunchIfSlow(String[] args, String mainClass) {
        String chosenByParent = System.getProperty(CHOSEN_PROPERTY);
        if (chosenByParent != null) {
            say("OpenBLAS kernels: " + chosenByParent + " (OPENBLAS_CORETYPE set by the producer)");
            return OptionalInt.empty();
        }
        if (List.of(args).stream().anyMatch(NO_WORK::contains)) {
            return OptionalInt.empty();
        }
        String userCore = System.getenv("OPENBLAS_CORETYPE");
        Optional<Decision> decision = decide(CpuFeatures.read(Path.of("/proc/cpuinfo")), userCore);
        if (decision.isEmpty()) {
            return OptionalInt.empty();
        }
        Decision d = decision.get();
        String described = d.chosen() + " (" + d.cpu().model() + ", " + d.cpu().widest() + ")";
        if (d.restartWith().isEmpty()) {
            say("OpenBLAS kernels: " + described + (OpenBlasKernels.isFallback(d.chosen()) && d.cpu().avx2()
                    ? ": a fallback, slow on this CPU" + (userCore != null ? " (your OPENBLAS_CORETYPE=" + userCore + ")"
                    : "") : ""));
            return OptionalInt.empty();
        }
        say("OpenBLAS would run its " + described + " fallback kernels: restarting with OPENBLAS_CORETYPE="
                + d.restartWith().get());
        return OptionalInt.of(relaunch(args, mainClass, d.restartWith().get()));
    }

    private static int relaunch(String[] args, String mainClass, String core) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-D" + CHOSEN_PROPERTY + "=" + core);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("OPENBLAS_CORETYPE", core);
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            say("cannot restart (" + e.getMessage() + "); going on with the fallback kernels");
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static void say(String line) {
        System.err.println("ca4-producer: " + line);
    }
}
