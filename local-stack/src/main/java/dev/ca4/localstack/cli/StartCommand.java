package dev.ca4.localstack.cli;

import dev.ca4.localstack.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "start", mixinStandardHelpOptions = true, versionProvider = LocalStackCli.Version.class,
        description = "Starts the services that are not running and waits until each answers real requests.")
public class StartCommand implements Callable<Integer> {

    @Mixin
    ServiceSelection selection;

    @Mixin
    StackOptions options;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "How long to wait for each service. Default: $CA4_LOCAL_START_TIMEOUT_SECONDS or 60")
    Integer timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
        LocalStack stack = new LocalStack(options.config(timeout, null));
        long started = System.nanoTime();
        int count = stack.start(selection.service, result -> {
            spec.commandLine().getOut().println(result.line());
            spec.commandLine().getOut().flush();
        }).size();
        if (count > 1) {
            spec.commandLine().getErr().printf("%d services ready in %.1f s%n", count,
                    (System.nanoTime() - started) / 1e9);
        }
        return ExitCodes.OK;
    }
}
