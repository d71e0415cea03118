package dev.ca4.localstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The services of the local stack, in start order; each runs in its own JVM. */
public enum Service {
    KAFKA("kafka", "dev.ca4.localstack.service.KafkaMain", "-Xmx512m"),
    // mongo-java-server has no secondary indexes: a sort (GET /documents?limit=) loads every document,
    // about 100 KB of heap each with a 2048-d vector; 2 GiB lists ~10^4 of them.
    MONGO("mongo", "dev.ca4.localstack.service.MongoMain", "-Xmx2g"),
    S3("s3", "dev.ca4.localstack.service.S3Main", "-Xmx256m");

    /** The name that selects every service on the command line and in {@link LocalStack}. */
    public static final String ALL = "all";

    private final String id;
    private final String mainClass;
    private final String maxHeap;

    Service(String id, String mainClass, String maxHeap) {
        this.id = id;
        this.mainClass = mainClass;
        this.maxHeap = maxHeap;
    }

    public String id() {
        return id;
    }

    public String mainClass() {
        return mainClass;
    }

    public String maxHeap() {
        return maxHeap;
    }

    /** {@code kafka}, {@code mongo}, {@code s3} or {@code all} (start order), case-insensitive. */
    public static List<Service> parse(String name) {
        String wanted = name == null ? ALL : name.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(ALL)) {
            return List.of(values());
        }
        for (Service service : values()) {
            if (service.id.equals(wanted)) {
                return List.of(service);
            }
        }
        throw new LocalStackException(LocalStackException.Kind.USAGE,
                "unknown service '" + name + "'; expected one of kafka, mongo, s3, all");
    }

    /** The services of {@code name} in stop order: the reverse of start order. */
    public static List<Service> parseStopOrder(String name) {
        List<Service> services = new ArrayList<>(parse(name));
        java.util.Collections.reverse(services);
        return services;
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Service::id).toList()) + ", " + ALL;
    }

    @Override
    public String toString() {
        return id;
    }
}
