package dev.ca4.bench.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProducerSettingsTest {

    @Test
    void takesTheOutgoingChannelsKafkaPropertiesOnly(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("microprofile-config.properties"), """
                ca4.api.keys=
                mp.messaging.connector.liberty-kafka.bootstrap.servers=elsewhere:9092
                mp.messaging.outgoing.gpuMetadata.connector=liberty-kafka
                mp.messaging.outgoing.gpuMetadata.topic=gpu-metadata
                mp.messaging.outgoing.gpuMetadata.acks=all
                mp.messaging.outgoing.gpuMetadata.compression.type=lz4
                mp.messaging.outgoing.gpuMetadata.interceptor.classes=dev.ca4.Some
                """);
        Properties p = ProducerSettings.load(config, "127.0.0.1:9092");
        assertEquals("all", p.getProperty("acks"));
        assertEquals("lz4", p.getProperty("compression.type"));
        assertEquals("127.0.0.1:9092", p.getProperty("bootstrap.servers"));
        assertFalse(p.containsKey("connector"));
        assertFalse(p.containsKey("topic"));
        assertFalse(p.containsKey("interceptor.classes"));
        assertEquals(3, p.size()); // acks, compression.type, bootstrap.servers
    }
}
