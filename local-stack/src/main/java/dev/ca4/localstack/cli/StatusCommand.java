package dev.ca4.localstack.cli;

import dev.ca4.localstack.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = LocalStackCli.Version.class,
        description = "Prints name, address, pid and up/down per service; exit code 3 unless all asked are up.")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    ServiceSelection selection;

    @Mixin
    StackOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ServiceStatus> statuses = options.stack().status(selection.service);
        statuses.forEach(status -> spec.commandLine().getOut().println(status.line()));
        return statuses.stream().allMatch(ServiceStatus::up) ? ExitCodes.OK : ExitCodes.NOT_UP;
    }
}
