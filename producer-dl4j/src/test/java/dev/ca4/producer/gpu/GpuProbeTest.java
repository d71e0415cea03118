package dev.ca4.producer.gpu;

import dev.ca4.event.GpuMetadataEvent.GpuInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuProbeTest {
    @TempDir
    Path dir;

    /** A stand-in for nvidia-smi (there is no GPU here): prints what a T4 machine prints for our query. */
    private Path fakeNvidiaSmi(String output) throws Exception {
        Path script = dir.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = \"" + NvidiaSmi.QUERY + "\" ] || exit 9\nprintf '"
                + output + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void cpuBackendReportsTheCpuModel() throws Exception {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"),
                "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n");
        Properties env = new Properties();
        env.put("backend", "CPU");
        GpuInfo gpu = new GpuProbe(new NvidiaSmi(dir.resolve("absent").toString()), cpuinfo).describe(env);
        assertEquals(new GpuInfo("cpu", "AMD EPYC 7B13", 0, null, null, null, null), gpu);
    }

    @Test
    void thisMachineIsProbedAsCpu() throws Exception {
        assertEquals("CpuBackend", BackendCheck.start());
        GpuInfo gpu = GpuProbe.system().probe();
        assertEquals("cpu", gpu.backend());
        assertTrue(gpu.name() != null && !gpu.name().isBlank());
    }

    @Test
    void cudaBackendCombinesNd4jDevicesAndNvidiaSmi() throws Exception {
        Properties env = new Properties();
        env.put("backend", "CUDA");
        env.put("cuda.devicesInformation", List.of(Map.of("deviceName", "Tesla T4",
                "totalMemory", 15_835_398_144L, "deviceMajor", 7, "deviceMinor", 5)));
        NvidiaSmi smi = new NvidiaSmi(fakeNvidiaSmi("Tesla T4, 15360, 535.104.05, 7.5\\n").toString());
        GpuInfo gpu = new GpuProbe(smi, dir.resolve("none")).describe(env);
        assertEquals("cuda", gpu.backend());
        assertEquals("Tesla T4", gpu.name());
        assertEquals(1, gpu.count());
        assertEquals(15_101L, gpu.memoryTotalMb());
        assertEquals("7.5", gpu.computeCapability());
        assertEquals("535.104.05", gpu.driverVersion());
    }

    @Test
    void cudaWithoutDeviceListFallsBackToNvidiaSmi() throws Exception {
        Properties env = new Properties();
        env.put("backend", "CUDA");
        NvidiaSmi smi = new NvidiaSmi(fakeNvidiaSmi("NVIDIA A100-SXM4-40GB, 40960, 550.54.15, 8.0\\n"
                + "NVIDIA A100-SXM4-40GB, 40960, 550.54.15, 8.0\\n").toString());
        GpuInfo gpu = new GpuProbe(smi, dir.resolve("none")).describe(env);
        assertEquals("NVIDIA A100-SXM4-40GB", gpu.name());
        assertEquals(2, gpu.count());
        assertEquals(40_960L, gpu.memoryTotalMb());
        assertEquals("8.0", gpu.computeCapability());
    }

    @Test
    void nvidiaSmiOutputParsing() {
        List<NvidiaSmi.Gpu> gpus = NvidiaSmi.parse("Tesla K80, 11441, 470.82.01, [N/A]\n\n");
        assertEquals(1, gpus.size());
        assertEquals(11441L, gpus.get(0).memoryTotalMb());
        assertNull(gpus.get(0).computeCapability());
        assertTrue(new NvidiaSmi(dir.resolve("missing").toString()).query().isEmpty());
    }
}
