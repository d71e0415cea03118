package dev.ca4.producer.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenBlasKernelsTest {
    private static final CpuFeatures SAPPHIRE_RAPIDS = new CpuFeatures("Intel(R) Xeon(R) Platinum 8481C",
            Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq", "amx_tile"));
    private static final CpuFeatures ALDER_LAKE = new CpuFeatures("12th Gen Intel(R) Core(TM) i7-12700",
            Set.of("sse2", "avx", "avx2", "fma"));
    private static final CpuFeatures OLD_ATOM = new CpuFeatures("Intel(R) Atom(TM) CPU", Set.of("sse2", "ssse3"));
    private static final Pattern KERNELS = Pattern.compile("OpenBLAS kernels: (\\S+)");

    @TempDir
    Path dir;

    @Test
    void aFallbackOnAnAvxCpuIsOverriddenWithTheWidestKernelsItRuns() {
        assertEquals(Optional.of("SkylakeX"), OpenBlasKernels.override(SAPPHIRE_RAPIDS, "Prescott"));
        assertEquals(Optional.of("SkylakeX"), OpenBlasKernels.override(SAPPHIRE_RAPIDS, "Sandybridge"));
        assertEquals(Optional.of("Haswell"), OpenBlasKernels.override(ALDER_LAKE, "Core2"));
    }

    @Test
    void aGoodChoiceOrACpuWithoutAvx2IsLeftAlone() {
        assertEquals(Optional.empty(), OpenBlasKernels.override(SAPPHIRE_RAPIDS, "SkylakeX"));
        assertEquals(Optional.empty(), OpenBlasKernels.override(SAPPHIRE_RAPIDS, "Cooperlake"));
        assertEquals(Optional.empty(), OpenBlasKernels.override(ALDER_LAKE, "Haswell"));
        assertEquals(Optional.empty(), OpenBlasKernels.override(ALDER_LAKE, "Zen"));
        assertEquals(Optional.empty(), OpenBlasKernels.override(OLD_ATOM, "Atom"));
    }

    @Test
    void openBlasReportsItsChoiceAsACoreLine() {
        assertEquals(Optional.of("Haswell"), OpenBlasKernels.coreName("some line\nCore: Haswell\n"));
        assertEquals(Optional.empty(), OpenBlasKernels.coreName("nothing said"));
    }

    @Test
    void cpuFlagsComeFromCpuinfo() throws Exception {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: AMD EPYC 9B14\n"
                + "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512bw avx512vl avx512dq\nprocessor\t: 1\n");
        CpuFeatures cpu = CpuFeatures.read(cpuinfo);
        assertEquals("AMD EPYC 9B14", cpu.model());
        assertTrue(cpu.avx512() && cpu.avx2());
        assertEquals("AVX-512", cpu.widest());
        assertFalse(CpuFeatures.read(dir.resolve("absent")).avx2());
    }

    /**
     * The launcher's decision on this machine's OpenBLAS (asked in fresh processes): the kernels the producer runs
     * in the end are never a fallback on a CPU with AVX2 or AVX-512 (on a CPU OpenBLAS 0.3.19 does not know, without
     * the restart, this fails: bench/README.md, the Xeon at 3.2 images/s).
     */
    @Test
    void theProducerRunsNoFallbackKernelOnThisCpu() {
        CpuFeatures cpu = CpuFeatures.read(Path.of("/proc/cpuinfo"));
        KernelLauncher.Decision d = KernelLauncher.decide(cpu, null)
                .orElseThrow(() -> new AssertionError("OpenBLAS printed no Core line"));
        assertFalse(cpu.avx2() && OpenBlasKernels.isFallback(d.running()),
                cpu.model() + " (" + cpu.widest() + ") would run OpenBLAS's " + d.running() + " fallback kernels");
    }

    /**
     * The producer as a user starts it, with OpenBLAS "choosing" a fallback (as on the Xeon): it says so, restarts
     * itself with better kernels and does its work.
     */
    @Test
    void aFallbackChoiceRestartsTheProducerWithBetterKernels() throws Exception {
        CpuFeatures cpu = CpuFeatures.read(Path.of("/proc/cpuinfo"));
        if (!cpu.avx2()) {
            return; // no better kernels to restart with on this CPU; the unit tests above cover the decision
        }
        String log = runProducer(List.of("-D" + KernelLauncher.SIMULATED_CHOICE_PROPERTY + "=Prescott"));
        assertTrue(log.contains("OpenBLAS would run its Prescott"), log);
        assertTrue(log.contains("restarting with OPENBLAS_CORETYPE=" + (cpu.avx512() ? "SkylakeX" : "Haswell")), log);
        assertFalse(OpenBlasKernels.isFallback(kernels(log)), log);
        assertTrue(log.contains("images 1, written 1"), log);
    }

    private static String kernels(String log) {
        Matcher m = KERNELS.matcher(log);
        assertTrue(m.find(), "no 'OpenBLAS kernels:' line:\n" + log);
        return m.group(1);
    }

    /** The CPU producer on one sample image, written to a file (no processor needed), in a JVM of its own. */
    private String runProducer(List<String> jvmOptions) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.copy(Path.of("samples/circles.png"), images.resolve("circles.png"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.ca4.producer.cli.ProducerCommand",
                "--weights", "random", "--engine", "fast", "--output", dir.resolve("events.jsonl").toString(),
                images.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("OPENBLAS_CORETYPE");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "producer timed out:\n" + log);
        assertEquals(0, p.exitValue(), log);
        return log;
    }
}
