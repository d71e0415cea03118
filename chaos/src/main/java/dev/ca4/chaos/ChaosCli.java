package dev.ca4.chaos;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code make chaos} ({@code chaos.jar chaos}) and {@code make soak} ({@code chaos.jar soak}). */
@Command(name = "chaos.jar", mixinStandardHelpOptions = true, version = "1.0",
        subcommands = {ChaosCommand.class, SoakCommand.class},
        description = "Faults under load with every event counted (chaos), or a long steady load (soak).")
public class ChaosCli implements Runnable {
    /** Held so the level sticks: the Kafka and Mongo clients' INFO lines would bury the progress lines. */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");
    private static final java.util.logging.Logger MONGO_LOG = java.util.logging.Logger.getLogger("org.mongodb");

    public static void main(String[] args) {
        KAFKA_LOG.setLevel(java.util.logging.Level.SEVERE);
        MONGO_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(new CommandLine(new ChaosCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
