package dev.ca4.chaos;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineOptionsTest {
    @Command(name = "probe")
    static final class Holder {
        @Mixin
        PipelineOptions pipeline;
    }

    /** Whether the archive is counted for these arguments when CA4_ARCHIVE_ENABLED is {@code environment}. */
    private static boolean archive(String environment, String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.pipeline.archive(environment);
    }

    @Test
    void archiveFollowsTheEnvironmentWhenNotGiven() {
        assertTrue(archive("true"));
        assertFalse(archive("false"));
        assertFalse(archive(null), "off when CA4_ARCHIVE_ENABLED is unset");
    }

    @Test
    void archiveIsOnWhenAskedForEvenIfTheEnvironmentAlreadySaysSo() {
        assertTrue(archive("true", "--archive"), "make chaos sets CA4_ARCHIVE_ENABLED=true; --archive must not toggle it off");
        assertTrue(archive("false", "--archive"));
    }

    @Test
    void noArchiveTurnsItOffWhateverTheEnvironment() {
        assertFalse(archive("true", "--no-archive"));
        assertFalse(archive("false", "--no-archive"));
    }

    @Test
    void aNamedContainerReplacesTheLibertyScript() {
        Holder h = new Holder();
        new CommandLine(h).parseArgs("--worker-container", "ca4-test-worker");
        ServerControl worker = PipelineOptions.server("worker", h.pipeline.workerContainer, h.pipeline.target.workerServer,
                h.pipeline.target.worker);
        ServerControl processor = PipelineOptions.server("processor", h.pipeline.processorContainer,
                h.pipeline.processorServer, h.pipeline.target.api);
        assertTrue(worker instanceof ContainerServer, "the worker is driven through podman");
        assertTrue(processor instanceof LibertyServer, "the processor stays the build's Liberty server");
        assertEquals("http://localhost:9081", worker.base().toString());
    }
}
