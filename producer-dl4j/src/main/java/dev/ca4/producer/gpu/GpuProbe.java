package dev.ca4.producer.gpu;

import dev.ca4.event.GpuMetadataEvent.GpuInfo;
import dev.ca4.producer.BuildInfo;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
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
 * environment information (its {@link Nd4jEnvironment} keys), completed by nvidia-smi (driver version, compute
 * capability, the driver's CUDA version) with a reading of utilisation and memory; on CPU the CPU model.
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

    /** The device the ND4J environment properties describe, with nvidia-smi's reading taken now. */
    GpuInfo describe(Properties env) {
        String backend = String.valueOf(env.getOrDefault(Nd4jEnvironment.BACKEND_KEY, "CPU")).toLowerCase(Locale.ROOT);
        if (!backend.contains("cuda")) {
            return new GpuInfo("cpu", cpuModel(), 0, null, null, null, null);
        }
        List<?> devices = env.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> l ? l : List.of();
        Map<?, ?> first = devices.isEmpty() || !(devices.get(0) instanceof Map<?, ?> m) ? Map.of() : m;
        Optional<List<NvidiaSmi.Gpu>> smiGpus = smi.query();
        Optional<NvidiaSmi.Gpu> smiGpu = smiGpus.map(gpus -> gpus.get(0));
        Object nd4jName = first.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY);
        String name = nd4jName != null ? String.valueOf(nd4jName) : smiGpu.map(NvidiaSmi.Gpu::name).orElse(null);
        Long memoryMb = first.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY) instanceof Number n
                ? n.longValue() / (1024 * 1024) : smiGpu.map(NvidiaSmi.Gpu::memoryTotalMb).orElse(null);
        Object major = first.get(Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY);
        Object minor = first.get(Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY);
        String capability = major != null && minor != null ? major + "." + minor
                : smiGpu.map(NvidiaSmi.Gpu::computeCapability).orElse(null);
        int count = env.get(Nd4jEnvironment.CUDA_NUM_GPUS_KEY) instanceof Number n ? n.intValue()
                : !devices.isEmpty() ? devices.size() : smiGpus.map(List::size).orElse(1);
        // The CUDA runtime ND4J runs on (the one the jar carries), not the newest one the driver supports.
        String cuda = BuildInfo.CUDA_VERSION.isEmpty() ? null : BuildInfo.CUDA_VERSION;
        GpuInfo facts = new GpuInfo("cuda", name, count, memoryMb, cuda,
                smiGpu.map(NvidiaSmi.Gpu::driverVersion).orElse(null), capability, null, null, null,
                smi.driverCudaVersion().orElse(null));
        return withReading(facts, smiGpu);
    }

    /** The same device facts with nvidia-smi's utilisation and memory reading of now (the first GPU: ND4J's). */
    GpuInfo reading(GpuInfo facts) {
        return withReading(facts, smi.query().map(gpus -> gpus.get(0)));
    }

    private static GpuInfo withReading(GpuInfo f, Optional<NvidiaSmi.Gpu> gpu) {
        return new GpuInfo(f.backend(), f.name(), f.count(), f.memoryTotalMb(), f.cudaVersion(), f.driverVersion(),
                f.computeCapability(), gpu.map(NvidiaSmi.Gpu::utilizationPct).orElse(null),
                gpu.map(NvidiaSmi.Gpu::memoryUsedMb).orElse(null), gpu.map(NvidiaSmi.Gpu::memoryFreeMb).orElse(null),
                f.driverCudaVersion());
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
