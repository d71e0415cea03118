package dev.ca4.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts fixed at build time (Maven-filtered {@code build.properties}): version, backend profile, DL4J version. */
public final class BuildInfo {

    public static final String VERSION;
    /** {@code cpu} or {@code cuda}: the Maven profile the jar was built with. */
    public static final String BACKEND;
    public static final String DL4J_VERSION;
    /** The CUDA runtime the CUDA jar carries (empty in the CPU jar). */
    public static final String CUDA_VERSION;

    static {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("build.properties missing from the jar", e));
        }
        VERSION = p.getProperty("version");
        BACKEND = p.getProperty("backend");
        DL4J_VERSION = p.getProperty("dl4j.version");
        CUDA_VERSION = p.getProperty("cuda.version", "");
    }

    private BuildInfo() {
    }

    /** The {@code source.producer} of every event. */
    public static String producerName() {
        return "ca4-producer-dl4j/" + VERSION;
    }
}
