package dev.ca4.localstack.cli;

import dev.ca4.localstack.LocalStackException;
import dev.ca4.localstack.process.JavaCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "local-stack", mixinStandardHelpOptions = true, versionProvider = LocalStackCli.Version.class,
        description = "Runs the pipeline's local stack on 127.0.0.1: Kafka (KRaft), a Mongo-compatible store and an "
                + "S3-compatible store, each in its own JVM.",
        subcommands = {StartCommand.class, StopCommand.class, KillCommand.class, StatusCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all requested services ready / stopped / up",
            "1:a service failed to start or to stop",
            "2:invalid arguments",
            "3:status: a requested service is down",
            "4:start: a port is in use by another process"})
public class LocalStackCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", JavaCommand.LOGBACK_CONFIG);
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with the one place where failures become exit codes. */
    public static CommandLine commandLine() {
        return new CommandLine(new LocalStackCli())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println(exception.getMessage());
                    commandLine.getErr().flush();
                    return exitCode(exception);
                });
    }

    static int exitCode(Exception exception) {
        if (!(exception instanceof LocalStackException failure)) {
            return ExitCodes.FAILED;
        }
        return switch (failure.kind()) {
            case PORT_IN_USE -> ExitCodes.PORT_IN_USE;
            case USAGE -> ExitCodes.USAGE;
            case START_FAILED, STOP_FAILED -> ExitCodes.FAILED;
        };
    }

    /** Without a command: the usage, on stderr. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The jar's Implementation-Version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LocalStackCli.class.getPackage().getImplementationVersion();
            return new String[] {"local-stack " + (version == null ? "(development build)" : version)};
        }
    }
}
