package dev.ca4.producer.embed;

import dev.ca4.producer.BuildInfo;

import java.util.Locale;

/** {@code --engine}: which code runs the network. */
public enum Engine {
    /** {@link FastResNet50Engine}: folded batch norms, one OpenBLAS sgemm per convolution; CPU only. */
    FAST,
    /** {@link Dl4jEngine}: DL4J's own layers, on whatever backend the jar carries (CPU or CUDA). */
    DL4J,
    /**
     * The CPU jar's default: the fast engine, or DL4J (with a warning) for a model the fast engine refuses, so a
     * saved graph with other layers still runs.
     */
    FAST_OR_DL4J;

    /**
     * {@code auto}: fast-or-DL4J in the CPU jar; DL4J in the CUDA jar, whose point is the GPU (the fast engine is a
     * CPU path, and that jar carries no OpenBLAS natives).
     */
    public static Engine forBackend(String backend) {
        return "cuda".equals(backend) ? DL4J : FAST_OR_DL4J;
    }

    /** @throws IllegalArgumentException for anything but auto, fast, dl4j */
    public static Engine parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> forBackend(BuildInfo.BACKEND);
            case "fast" -> FAST;
            case "dl4j" -> DL4J;
            default -> throw new IllegalArgumentException("--engine must be auto, fast or dl4j, not \"" + value + "\"");
        };
    }
}
