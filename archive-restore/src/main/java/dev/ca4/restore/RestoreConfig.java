package dev.ca4.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The worker's settings, read the way MicroProfile Config reads them in the worker (docs/restore.md): a system
 * property, then an environment variable (ca4.mongo.uri -> CA4_MONGO_URI), then the worker's own
 * META-INF/microprofile-config.properties (its defaults). So the restore runs with the same configuration as the
 * worker it restores for: the same env file, the same Kubernetes ConfigMap and Secret.
 */
final class RestoreConfig {
    static final String WORKER_DEFAULTS = "META-INF/microprofile-config.properties";

    private final Properties defaults = new Properties();
    private final Map<String, String> env;
    private final Properties system;

    RestoreConfig(Map<String, String> env, Properties system) {
        this.env = env;
        this.system = system;
        try (InputStream in = RestoreConfig.class.getClassLoader().getResourceAsStream(WORKER_DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the worker's " + WORKER_DEFAULTS + " is not on the class path");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RestoreConfig fromEnvironment() {
        return new RestoreConfig(System.getenv(), System.getProperties());
    }

    String get(String key) {
        String v = system.getProperty(key);
        if (v == null) {
            String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
            v = env.getOrDefault(key, env.getOrDefault(sanitized, env.get(sanitized.toUpperCase())));
        }
        if (v == null) {
            v = defaults.getProperty(key);
        }
        if (v == null) {
            throw new IllegalArgumentException("no value for " + key);
        }
        return v.trim();
    }

    boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    int getInt(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + get(key) + "'");
        }
    }
}
