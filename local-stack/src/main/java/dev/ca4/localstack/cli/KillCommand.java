package dev.ca4.localstack.cli;

import dev.ca4.localstack.StopResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "kill", mixinStandardHelpOptions = true, versionProvider = LocalStackCli.Version.class,
        description = "Kills services with SIGKILL, no clean-up (for chaos tests).")
public class KillCommand implements Callable<Integer> {

    @Mixin
    ServiceSelection selection;

    @Mixin
    StackOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (StopResult result : options.stack().kill(selection.service)) {
            spec.commandLine().getOut().println(result.line());
        }
        return ExitCodes.OK;
    }
}
