package dev.ca4.localstack.cli;

import dev.ca4.localstack.LocalStack;
import dev.ca4.localstack.StackConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** Where the stack lives and its ports; each option falls back to its {@code CA4_LOCAL_*} variable, then a default. */
public class StackOptions {

    @Option(names = {"-d", "--home"}, paramLabel = "DIR",
            description = "Stack home: logs/, run/ (pid files), data/. Default: $CA4_LOCAL_HOME or ./.local")
    Path home;

    @Option(names = {"-k", "--kafka-port"}, paramLabel = "PORT",
            description = "Kafka broker port. Default: $CA4_LOCAL_KAFKA_PORT or 9092")
    Integer kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT",
            description = "Kafka KRaft controller port. Default: $CA4_LOCAL_KAFKA_CONTROLLER_PORT or Kafka port + 1")
    Integer kafkaControllerPort;

    @Option(names = {"-m", "--mongo-port"}, paramLabel = "PORT",
            description = "Mongo-compatible store port. Default: $CA4_LOCAL_MONGO_PORT or 27017")
    Integer mongoPort;

    @Option(names = {"-s", "--s3-port"}, paramLabel = "PORT",
            description = "S3-compatible store port. Default: $CA4_LOCAL_S3_PORT or 9000")
    Integer s3Port;

    @Option(names = "--s3-identity", paramLabel = "KEY",
            description = "S3 access key. Default: $CA4_LOCAL_S3_IDENTITY or ca4-local")
    String s3Identity;

    @Option(names = "--s3-credential", paramLabel = "SECRET",
            description = "S3 secret key. Default: $CA4_LOCAL_S3_CREDENTIAL or ca4-local-secret")
    String s3Credential;

    /** The environment's configuration with the options given on the command line applied on top. */
    StackConfig config(Duration startTimeout, Duration stopTimeout) {
        StackConfig env = StackConfig.fromEnvironment();
        int kafka = kafkaPort != null ? kafkaPort : env.kafkaPort();
        int controller = kafkaControllerPort != null ? kafkaControllerPort
                : kafkaPort != null ? kafka + 1 : env.kafkaControllerPort();
        return env.withHome(home != null ? home : env.home())
                .withPorts(kafka, controller, mongoPort != null ? mongoPort : env.mongoPort(),
                        s3Port != null ? s3Port : env.s3Port())
                .withS3Credentials(s3Identity != null ? s3Identity : env.s3Identity(),
                        s3Credential != null ? s3Credential : env.s3Credential())
                .withTimeouts(startTimeout != null ? startTimeout : env.startTimeout(),
                        stopTimeout != null ? stopTimeout : env.stopTimeout());
    }

    LocalStack stack() {
        return new LocalStack(config(null, null));
    }
}
