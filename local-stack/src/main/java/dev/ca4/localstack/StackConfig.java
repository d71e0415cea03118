package dev.ca4.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the local stack lives and which ports it uses. Every setting is read from a system property
 * ({@code ca4.local.kafka-port}), else from the matching environment variable ({@code CA4_LOCAL_KAFKA_PORT}),
 * else its default.
 */
public record StackConfig(Path home, int kafkaPort, int kafkaControllerPort, int mongoPort, int s3Port,
                          String s3Identity, String s3Credential, Duration startTimeout, Duration stopTimeout) {

    public static final String HOST = "127.0.0.1";

    public static final String HOME = "ca4.local.home";
    public static final String KAFKA_PORT = "ca4.local.kafka-port";
    public static final String KAFKA_CONTROLLER_PORT = "ca4.local.kafka-controller-port";
    public static final String MONGO_PORT = "ca4.local.mongo-port";
    public static final String S3_PORT = "ca4.local.s3-port";
    public static final String S3_IDENTITY = "ca4.local.s3-identity";
    public static final String S3_CREDENTIAL = "ca4.local.s3-credential";
    public static final String START_TIMEOUT = "ca4.local.start-timeout-seconds";
    public static final String STOP_TIMEOUT = "ca4.local.stop-timeout-seconds";

    public StackConfig {
        home = home.toAbsolutePath().normalize();
    }

    /** System properties, then environment variables, then defaults. */
    public static StackConfig fromEnvironment() {
        return fromLookup(key -> {
            String value = System.getProperty(key);
            return value != null ? value : System.getenv(envName(key));
        });
    }

    /** {@code ca4.local.kafka-port} → {@code CA4_LOCAL_KAFKA_PORT} (the MicroProfile Config rule). */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static StackConfig fromLookup(UnaryOperator<String> lookup) {
        int kafkaPort = intValue(lookup, KAFKA_PORT, 9092);
        return new StackConfig(
                Path.of(value(lookup, HOME, ".local")),
                kafkaPort,
                intValue(lookup, KAFKA_CONTROLLER_PORT, kafkaPort + 1),
                intValue(lookup, MONGO_PORT, 27017),
                intValue(lookup, S3_PORT, 9000),
                value(lookup, S3_IDENTITY, "ca4-local"),
                value(lookup, S3_CREDENTIAL, "ca4-local-secret"),
                Duration.ofSeconds(intValue(lookup, START_TIMEOUT, 60)),
                Duration.ofSeconds(intValue(lookup, STOP_TIMEOUT, 30)));
    }

    /** The settings as environment variables: how a service's JVM receives its configuration. */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(envName(HOME), home.toString());
        env.put(envName(KAFKA_PORT), Integer.toString(kafkaPort));
        env.put(envName(KAFKA_CONTROLLER_PORT), Integer.toString(kafkaControllerPort));
        env.put(envName(MONGO_PORT), Integer.toString(mongoPort));
        env.put(envName(S3_PORT), Integer.toString(s3Port));
        env.put(envName(S3_IDENTITY), s3Identity);
        env.put(envName(S3_CREDENTIAL), s3Credential);
        env.put(envName(START_TIMEOUT), Long.toString(startTimeout.toSeconds()));
        env.put(envName(STOP_TIMEOUT), Long.toString(stopTimeout.toSeconds()));
        return env;
    }

    /** The port clients use. */
    public int port(Service service) {
        return switch (service) {
            case KAFKA -> kafkaPort;
            case MONGO -> mongoPort;
            case S3 -> s3Port;
        };
    }

    /** Every port the service binds (Kafka: broker and controller). */
    public List<Integer> ports(Service service) {
        return service == Service.KAFKA ? List.of(kafkaPort, kafkaControllerPort) : List.of(port(service));
    }

    public String address(Service service) {
        return HOST + ":" + port(service);
    }

    public Path dataDir(Service service) {
        return home.resolve("data").resolve(service.id());
    }

    public Path logFile(Service service) {
        return home.resolve("logs").resolve(service.id() + ".log");
    }

    public Path pidFile(Service service) {
        return home.resolve("run").resolve(service.id() + ".pid");
    }

    public String kafkaBootstrap() {
        return address(Service.KAFKA);
    }

    public String mongoUri() {
        return "mongodb://" + address(Service.MONGO);
    }

    public String s3Endpoint() {
        return "http://" + address(Service.S3);
    }

    public StackConfig withHome(Path newHome) {
        return new StackConfig(newHome, kafkaPort, kafkaControllerPort, mongoPort, s3Port, s3Identity,
                s3Credential, startTimeout, stopTimeout);
    }

    /** New ports; the Kafka controller port follows as {@code kafkaPort + 1}. */
    public StackConfig withPorts(int newKafkaPort, int newMongoPort, int newS3Port) {
        return withPorts(newKafkaPort, newKafkaPort + 1, newMongoPort, newS3Port);
    }

    public StackConfig withPorts(int newKafkaPort, int newControllerPort, int newMongoPort, int newS3Port) {
        return new StackConfig(home, newKafkaPort, newControllerPort, newMongoPort, newS3Port, s3Identity,
                s3Credential, startTimeout, stopTimeout);
    }

    public StackConfig withS3Credentials(String identity, String credential) {
        return new StackConfig(home, kafkaPort, kafkaControllerPort, mongoPort, s3Port, identity, credential,
                startTimeout, stopTimeout);
    }

    public StackConfig withTimeouts(Duration start, Duration stop) {
        return new StackConfig(home, kafkaPort, kafkaControllerPort, mongoPort, s3Port, s3Identity, s3Credential,
                start, stop);
    }

    private static String value(UnaryOperator<String> lookup, String key, String fallback) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intValue(UnaryOperator<String> lookup, String key, int fallback) {
        String value = value(lookup, key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LocalStackException(LocalStackException.Kind.USAGE,
                    key + " (" + envName(key) + ") must be a number, got '" + value + "'");
        }
    }
}
