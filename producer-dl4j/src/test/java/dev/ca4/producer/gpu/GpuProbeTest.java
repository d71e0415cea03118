package dev.ca4.producer.gpu;

import dev.ca4.event.GpuMetadataEvent.GpuInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuProbeTest {
    @TempDir
    Path dir;

    /**
     * A stand-in for nvidia-smi (there is no GPU here): answers our query with the lines of {@code readings} in
     * turn (the last one repeats), and a plain call with the banner a driver supporting CUDA 12.2 prints.
     */
    private Path fakeNvidiaSmi(String... readings) throws Exception {
        Path count = dir.resolve("calls");
        Files.writeString(count, "0");
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < readings.length; i++) {
            cases.append(i == readings.length - 1 ? "*" : String.valueOf(i)).append(") printf '")
                    .append(readings[i]).append("';;\n");
        }
        Path script = dir.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ $# -eq 0 ]; then echo '| NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA Version: 12.2 |'; exit 0; fi\n"
                + "[ \"$1\" = \"" + NvidiaSmi.QUERY + "\" ] || exit 9\n"
                + "n=$(cat " + count + "); echo $((n+1)) > " + count + "\n"
                + "case $n in\n" + cases + "esac\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** What ND4J's CUDA executioner reports for one device, under its own keys. */
    private static Properties cudaEnvironment(Map<String, Object> device) {
        Properties env = new Properties();
        env.put(Nd4jEnvironment.BACKEND_KEY, "CUDA");
        env.put(Nd4jEnvironment.CUDA_NUM_GPUS_KEY, 1);
        env.put(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY, List.of(device));
        return env;
    }

    @Test
    void cpuBackendReportsTheCpuModel() throws Exception {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"),
                "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n");
        Properties env = new Properties();
        env.put(Nd4jEnvironment.BACKEND_KEY, "CPU");
        GpuInfo gpu = new GpuProbe(new NvidiaSmi(dir.resolve("absent").toString()), cpuinfo).describe(env);
        assertEquals(new GpuInfo("cpu", "AMD EPYC 7B13", 0, null, null, null, null), gpu);
    }

    @Test
    void thisMachineIsProbedAsCpu() throws Exception {
        assertEquals("CpuBackend", BackendCheck.start());
        GpuInfo gpu = GpuProbe.system().probe();
        assertEquals("cpu", gpu.backend());
        assertTrue(gpu.name() != null && !gpu.name().isBlank());
        assertNull(gpu.utilizationPct(), "a CPU has no GPU reading");
    }

    @Test
    void cudaDeviceFactsComeFromNd4jsOwnKeys() throws Exception {
        // nvidia-smi names the card differently, so the test sees which source each field came from
        NvidiaSmi smi = new NvidiaSmi(fakeNvidiaSmi("Tesla T4 (smi), 15360, 535.104.05, 7.0, 35, 1200, 14160\\n")
                .toString());
        GpuInfo gpu = new GpuProbe(smi, dir.resolve("none")).describe(cudaEnvironment(Map.of(
                Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "Tesla T4",
                Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY, 15_835_398_144L,
                Nd4jEnvironment.CUDA_FREE_MEMORY_KEY, 15_000_000_000L,
                Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY, 7,
                Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY, 5)));
        assertEquals("cuda", gpu.backend());
        assertEquals("Tesla T4", gpu.name());
        assertEquals(1, gpu.count());
        assertEquals(15_101L, gpu.memoryTotalMb());
        assertEquals("7.5", gpu.computeCapability());
        assertEquals("535.104.05", gpu.driverVersion());
        assertEquals("12.2", gpu.driverCudaVersion());
        assertEquals(35, gpu.utilizationPct());
        assertEquals(1200L, gpu.memoryUsedMb());
        assertEquals(14160L, gpu.memoryFreeMb());
    }

    @Test
    void cudaWithoutDeviceListFallsBackToNvidiaSmi() throws Exception {
        Properties env = new Properties();
        env.put(Nd4jEnvironment.BACKEND_KEY, "CUDA");
        NvidiaSmi smi = new NvidiaSmi(fakeNvidiaSmi("NVIDIA A100-SXM4-40GB, 40960, 550.54.15, 8.0, 0, 4, 40956\\n"
                + "NVIDIA A100-SXM4-40GB, 40960, 550.54.15, 8.0, 0, 4, 40956\\n").toString());
        GpuInfo gpu = new GpuProbe(smi, dir.resolve("none")).describe(env);
        assertEquals("NVIDIA A100-SXM4-40GB", gpu.name());
        assertEquals(2, gpu.count());
        assertEquals(40_960L, gpu.memoryTotalMb());
        assertEquals("8.0", gpu.computeCapability());
    }

    @Test
    void theReadingIsRefreshedWhileTheRunGoesOnNotTakenOnce() throws Exception {
        NvidiaSmi smi = new NvidiaSmi(fakeNvidiaSmi("Tesla T4, 15360, 535.104.05, 7.5, 0, 300, 15060\\n",
                "Tesla T4, 15360, 535.104.05, 7.5, 97, 4100, 11260\\n").toString());
        GpuProbe probe = new GpuProbe(smi, dir.resolve("none"));
        GpuInfo first = probe.describe(cudaEnvironment(Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "Tesla T4")));
        assertEquals(0, first.utilizationPct());
        try (GpuReadings readings = GpuReadings.start(() -> first, probe, Duration.ofMillis(100))) {
            assertSame(first, readings.get());
            await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(97).equals(readings.get().utilizationPct()));
            assertEquals(4100L, readings.get().memoryUsedMb());
            assertEquals("Tesla T4", readings.get().name(), "the device facts stay");
            assertEquals("12.2", readings.get().driverCudaVersion());
        }
    }

    @Test
    void nvidiaSmiOutputParsing() {
        List<NvidiaSmi.Gpu> gpus = NvidiaSmi.parse("Tesla K80, 11441, 470.82.01, [N/A], [N/A], 10, 11431\n\n");
        assertEquals(1, gpus.size());
        assertEquals(11441L, gpus.get(0).memoryTotalMb());
        assertNull(gpus.get(0).computeCapability());
        assertNull(gpus.get(0).utilizationPct());
        assertEquals(10L, gpus.get(0).memoryUsedMb());
        assertEquals(List.of(), NvidiaSmi.parse("not csv at all"));
        assertEquals("12.2", NvidiaSmi.parseDriverCuda("Driver Version: 535.104.05   CUDA Version: 12.2 ").orElseThrow());
        assertTrue(NvidiaSmi.parseDriverCuda("no banner").isEmpty());
        assertTrue(new NvidiaSmi(dir.resolve("missing").toString()).query().isEmpty());
    }
}
