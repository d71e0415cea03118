package dev.ca4.localstack;

import dev.ca4.localstack.TestStacks.CliRun;
import dev.ca4.localstack.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortConflictTest {

    @TempDir
    Path home;

    @Test
    void startFailsNamingPortAndServiceWhenAnotherProcessHoldsThePort() throws Exception {
        StackConfig config = TestStacks.onFreePorts(home);
        try (ServerSocket squatter = new ServerSocket(config.mongoPort())) {
            CliRun run = TestStacks.cli(config, "start", "all");

            assertEquals(ExitCodes.PORT_IN_USE, run.exitCode(), run::toString);
            assertTrue(run.err().contains("port " + config.mongoPort() + " (mongo) is already in use"), run::toString);
            assertEquals("", run.out());
            assertFalse(Files.exists(config.pidFile(Service.KAFKA)), "nothing is started when a port is taken");
            assertFalse(new LocalStack(config).isUp("kafka"));
        }
    }

    @Test
    void startFailsWhenTheKafkaControllerPortIsTaken() throws Exception {
        StackConfig config = TestStacks.onFreePorts(home);
        try (ServerSocket squatter = new ServerSocket(config.kafkaControllerPort())) {
            LocalStackException failure = assertThrows(LocalStackException.class,
                    () -> new LocalStack(config).start("kafka"));

            assertEquals(LocalStackException.Kind.PORT_IN_USE, failure.kind());
            assertTrue(failure.getMessage().contains("--kafka-controller-port"), failure::getMessage);
        }
    }

    @Test
    void unknownServiceIsAUsageError() {
        CliRun run = TestStacks.cli(TestStacks.onFreePorts(home), "start", "redis");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown service 'redis'"), run::toString);
    }
}
