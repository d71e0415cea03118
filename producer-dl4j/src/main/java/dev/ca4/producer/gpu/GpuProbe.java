package dev.ca4.producer.gpu;

import dev.ca4.event.GpuMetadataEvent.GpuInfo;
import dev.ca4.producer.BuildInfo;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code gpu} section of every event: the backend ND4J actually runs on; on CUDA the device facts from ND4J's
 * environment information, completed by nvidia-smi (driver version, compute capability); on CPU the CPU model.
 */
public final class GpuProbe {

    private final NvidiaSmi smi;
    private final Path cpuInfo;

    public GpuProbe(NvidiaSmi smi, Path cpuInfo) {
        this.smi = smi;
        this.cpuInfo = cpuInfo;
    }

    public static GpuProbe system() {
        return new GpuProbe(new NvidiaSmi("nvidia-smi"), Path.of("/proc/cpuinfo"));
    }

    public GpuInfo probe() {
        return describe(Nd4j.getExecutioner().getEnvironmentInformation());
    }

    /** From ND4J's environment properties ({@code backend}, {@code cuda.devicesInformation}). */
    GpuInfo describe(Properties env) {
        String backend = String.valueOf(env.getOrDefault("backend", "CPU")).toLowerCase(Locale.ROOT);
        if (!backend.contains("cuda")) {
            return new GpuInfo("cpu", cpuModel(), 0, null, null, null, null);
        }
        List<?> devices = env.get("cuda.devicesInformation") instanceof List<?> l ? l : List.of();
        Map<?, ?> first = devices.isEmpty() || !(devices.get(0) instanceof Map<?, ?> m) ? Map.of() : m;
        Optional<List<NvidiaSmi.Gpu>> smiGpus = smi.query();
        Optional<NvidiaSmi.Gpu> smiGpu = smiGpus.map(gpus -> gpus.get(0));
        String name = first.get("deviceName") != null ? String.valueOf(first.get("deviceName"))
                : smiGpu.map(NvidiaSmi.Gpu::name).orElse(null);
        Long memoryMb = first.get("totalMemory") instanceof Number n ? n.longValue() / (1024 * 1024)
                : smiGpu.map(NvidiaSmi.Gpu::memoryTotalMb).orElse(null);
        String capability = first.get("deviceMajor") != null && first.get("deviceMinor") != null
                ? first.get("deviceMajor") + "." + first.get("deviceMinor")
                : smiGpu.map(NvidiaSmi.Gpu::computeCapability).orElse(null);
        int count = devices.isEmpty() ? smiGpus.map(List::size).orElse(1) : devices.size();
        // The CUDA runtime ND4J runs on (the one the jar carries), not the newest one the driver supports.
        String cuda = BuildInfo.CUDA_VERSION.isEmpty() ? null : BuildInfo.CUDA_VERSION;
        return new GpuInfo("cuda", name, count, memoryMb, cuda,
                smiGpu.map(NvidiaSmi.Gpu::driverVersion).orElse(null), capability);
    }

    /** "model name" of /proc/cpuinfo, else the JVM's architecture. */
    String cpuModel() {
        try {
            for (String line : Files.readAllLines(cpuInfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return "CPU (" + System.getProperty("os.arch") + ")";
    }
}
