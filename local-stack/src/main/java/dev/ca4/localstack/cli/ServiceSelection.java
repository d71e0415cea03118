package dev.ca4.localstack.cli;

import picocli.CommandLine.Parameters;

/** The one positional argument of every command: which service. */
public class ServiceSelection {

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", paramLabel = "SERVICE",
            description = "kafka, mongo, s3 or all (default: ${DEFAULT-VALUE})")
    String service;
}
