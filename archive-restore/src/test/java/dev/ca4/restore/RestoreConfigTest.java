package dev.ca4.restore;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestoreConfigTest {

    @Test
    void theWorkersDefaultsApplyWhenNothingIsSet() {
        RestoreConfig c = new RestoreConfig(Map.of(), new Properties());
        assertEquals("mongodb://127.0.0.1:27017", c.get("ca4.mongo.uri"));
        assertEquals("gpu_metadata", c.get("ca4.mongo.collection"));
        assertEquals("vector", c.get("ca4.store.embedding-format"));
    }

    @Test
    void environmentOverridesTheDefaultsTheWayMicroProfileConfigDoes() {
        RestoreConfig c = new RestoreConfig(Map.of("CA4_S3_BUCKET", "prod-archive", "CA4_MONGO_URI", "mongodb://db:27017"),
                new Properties());
        assertEquals("prod-archive", c.get("ca4.s3.bucket"));
        assertEquals("mongodb://db:27017", c.get("ca4.mongo.uri"));
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        Properties p = new Properties();
        p.setProperty("ca4.s3.bucket", "from-property");
        assertEquals("from-property", new RestoreConfig(Map.of("CA4_S3_BUCKET", "from-env"), p).get("ca4.s3.bucket"));
    }

    @Test
    void aNonNumericTimeoutIsRefusedNamingTheKey() {
        RestoreConfig c = new RestoreConfig(Map.of("CA4_MONGO_TIMEOUT_MS", "soon"), new Properties());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.getInt("ca4.mongo.timeout-ms"));
        assertTrue(e.getMessage().contains("ca4.mongo.timeout-ms"), e.getMessage());
    }
}
