package dev.ca4.producer.embed;

import dev.ca4.producer.BuildInfo;

import java.util.Locale;

/** {@code --engine}: which code runs the network. */
public enum Engine {
    /** {@link FastResNet50Engine}: folded batch norms, one OpenBLAS sgemm per convolution; CPU only. */
    FAST,
    /** {@link Dl4jEngine}: DL4J's own layers, on whatever backend the jar carries (CPU or CUDA). */
    DL4J;

    /**
     * {@code auto}: the fast engine in the CPU jar; DL4J in the CUDA jar, whose point is the GPU (the fast engine
     * is a CPU path, and that jar carries no OpenBLAS).
     */
    public static Engine forBackend(String backend) {
        return "cuda".equals(backend) ? DL4J : FAST;
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

    /** What {@code model.framework} says in the events. */
    String framework() {
        return this == FAST ? WeightsLoader.FRAMEWORK + "+fast-openblas" : WeightsLoader.FRAMEWORK;
    }
}
