package dev.ca4.producer.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which OpenBLAS kernels the fast engine's matrix products run on, and the core type to force when OpenBLAS would
 * fall back to slow ones. ND4J's bundled OpenBLAS (0.3.19, JavaCPP 1.5.7) does not know CPUs newer than itself:
 * on an Intel Xeon with AVX-512 and AMX it picked generic kernels and the fast engine ran at 3.2 images/s instead of
 * 10.5 with {@code OPENBLAS_CORETYPE=SkylakeX} (bench/README.md). OpenBLAS reads that variable only when it loads,
 * so the producer learns the choice from a child process ({@link OpenBlasCoreProbe}) and, when it is a fallback on a
 * CPU with AVX2 or AVX-512, restarts itself with the variable set (producer README, "CPU speed").
 */
public final class OpenBlasKernels {

    /** OpenBLAS's generic x86-64 kernels: SSE2/SSE3-era cores, and Sandybridge (AVX without FMA). */
    static final Set<String> FALLBACKS = Set.of("prescott", "core2", "penryn", "dunnington", "nehalem", "atom",
            "katmai", "coppermine", "northwood", "banias", "opteron", "barcelona", "bobcat", "sandybridge",
            "unknown");
    private static final Pattern CORE_LINE = Pattern.compile("(?m)^Core: *(\\S+)");

    private OpenBlasKernels() {
    }

    /** What OpenBLAS picks in a new JVM with this classpath and {@code coreType} (null: OpenBLAS decides). */
    public static Optional<String> probe(String coreType) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OpenBlasCoreProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("OPENBLAS_VERBOSE", "2"); // without it OpenBLAS keeps its choice to itself
        env.remove("OPENBLAS_CORETYPE");
        if (coreType != null) {
            env.put("OPENBLAS_CORETYPE", coreType);
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return coreName(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> coreName(String openBlasOutput) {
        Matcher m = CORE_LINE.matcher(openBlasOutput);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean isFallback(String core) {
        return FALLBACKS.contains(core.toLowerCase(Locale.ROOT));
    }

    /** The core type to force, if OpenBLAS chose a fallback on a CPU that can run better kernels. */
    public static Optional<String> override(CpuFeatures cpu, String chosen) {
        if (!isFallback(chosen)) {
            return Optional.empty();
        }
        return cpu.avx512() ? Optional.of("SkylakeX") : cpu.avx2() ? Optional.of("Haswell") : Optional.empty();
    }
}
