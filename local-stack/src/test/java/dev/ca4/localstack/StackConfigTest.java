package dev.ca4.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StackConfigTest {

    @Test
    void defaultsAreTheFixedLocalPortsUnderDotLocal() {
        StackConfig config = StackConfig.fromLookup(key -> null);

        assertEquals(Path.of(".local").toAbsolutePath(), config.home());
        assertEquals("127.0.0.1:9092", config.kafkaBootstrap());
        assertEquals(9093, config.kafkaControllerPort());
        assertEquals("mongodb://127.0.0.1:27017", config.mongoUri());
        assertEquals("http://127.0.0.1:9000", config.s3Endpoint());
        assertEquals("ca4-local", config.s3Identity());
    }

    @Test
    void environmentNamesFollowTheMicroProfileRule() {
        assertEquals("CA4_LOCAL_KAFKA_PORT", StackConfig.envName(StackConfig.KAFKA_PORT));
        assertEquals("CA4_LOCAL_HOME", StackConfig.envName(StackConfig.HOME));
    }

    @Test
    void controllerPortFollowsAnOverriddenKafkaPort() {
        Map<String, String> env = Map.of("CA4_LOCAL_KAFKA_PORT", "19092", "CA4_LOCAL_HOME", "/tmp/x");
        StackConfig config = StackConfig.fromLookup(key -> env.get(StackConfig.envName(key)));

        assertEquals(19093, config.kafkaControllerPort());
        assertEquals(Path.of("/tmp/x/data/kafka"), config.dataDir(Service.KAFKA));
    }

    @Test
    void environmentRoundTripsToAServiceJvm() {
        StackConfig config = StackConfig.fromLookup(key -> null).withPorts(1, 2, 3, 4);
        Map<String, String> env = config.toEnvironment();

        assertEquals(config, StackConfig.fromLookup(key -> env.get(StackConfig.envName(key))));
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        LocalStackException failure = assertThrows(LocalStackException.class,
                () -> StackConfig.fromLookup(key -> key.equals(StackConfig.MONGO_PORT) ? "mongo" : null));
        assertEquals(LocalStackException.Kind.USAGE, failure.kind());
    }
}
