package dev.ca4.bench.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * The processor's Kafka producer settings, read from its microprofile-config.properties, so records the bench
 * writes straight to the topic are batched and compressed exactly as the processor's are.
 */
public final class ProducerSettings {
    private static final String PREFIX = "mp.messaging.outgoing.gpuMetadata.";
    /** Connector keys, not Kafka producer properties; the interceptor lives in the processor only. */
    private static final Set<String> NOT_KAFKA = Set.of("connector", "topic", "interceptor.classes");

    private ProducerSettings() {
    }

    public static Properties load(Path processorConfig, String bootstrap) throws IOException {
        Properties all = new Properties();
        try (Reader r = Files.newBufferedReader(processorConfig)) {
            all.load(r);
        }
        Properties kafka = new Properties();
        for (String key : all.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && !NOT_KAFKA.contains(key.substring(PREFIX.length()))) {
                kafka.setProperty(key.substring(PREFIX.length()), all.getProperty(key));
            }
        }
        kafka.setProperty("bootstrap.servers", bootstrap);
        return kafka;
    }
}
