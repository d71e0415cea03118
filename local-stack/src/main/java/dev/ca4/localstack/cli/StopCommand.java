package dev.ca4.localstack.cli;

import dev.ca4.localstack.LocalStack;
import dev.ca4.localstack.StopResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = LocalStackCli.Version.class,
        description = "Stops services with SIGTERM (SIGKILL after the timeout), in reverse start order.")
public class StopCommand implements Callable<Integer> {

    @Mixin
    ServiceSelection selection;

    @Mixin
    StackOptions options;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "How long to wait after SIGTERM. Default: $CA4_LOCAL_STOP_TIMEOUT_SECONDS or 30")
    Integer timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
        LocalStack stack = new LocalStack(options.config(null, timeout));
        for (StopResult result : stack.stop(selection.service)) {
            spec.commandLine().getOut().println(result.line());
        }
        return ExitCodes.OK;
    }
}
