package dev.ca4.producer.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The CPU's model and instruction-set flags, from the first processor of {@code /proc/cpuinfo}. */
public record CpuFeatures(String model, Set<String> flags) {

    public static CpuFeatures read(Path cpuinfo) {
        String model = "unknown CPU";
        Set<String> flags = Set.of();
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).strip() : "";
                if (line.startsWith("model name") && model.equals("unknown CPU")) {
                    model = value;
                } else if (line.startsWith("flags") && flags.isEmpty()) {
                    flags = Arrays.stream(value.split("\\s+")).collect(Collectors.toUnmodifiableSet());
                }
            }
        } catch (IOException e) {
            // not Linux: no flags, so no kernel is forced
        }
        return new CpuFeatures(model, flags);
    }

    /** AVX-512 with the subsets OpenBLAS's SkylakeX kernels use. */
    public boolean avx512() {
        return flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"));
    }

    /** AVX2 with FMA: what OpenBLAS's Haswell kernels use. */
    public boolean avx2() {
        return flags.containsAll(Set.of("avx2", "fma"));
    }

    /** The widest vector family, for the log line. */
    public String widest() {
        return avx512() ? "AVX-512" : avx2() ? "AVX2" : flags.contains("avx") ? "AVX" : "SSE";
    }
}
