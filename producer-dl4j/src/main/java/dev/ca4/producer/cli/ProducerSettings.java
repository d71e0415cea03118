package dev.ca4.producer.cli;

import dev.ca4.producer.client.Tls;
import dev.ca4.producer.embed.Engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The checked options of one run (see {@link ProducerCommand} for each one's meaning and default).
 *
 * @param noPost  events go to {@code output} (or stdout) instead of the API
 * @param runId   null: generate one
 * @param tls     how an https API's certificate is verified
 */
record ProducerSettings(List<Path> inputs, List<Path> listFiles, URI api, String apiKey, String weights,
                        String layer, String modelName, int batchSize, int concurrency, int decodeThreads,
                        Map<String, String> tags, String runId, boolean noPost, Path output, Path receipts,
                        int giveUpAfterSeconds, int downloadTimeoutSeconds, Engine engine, int threads, Tls tls,
                        int gpuSampleMs, URI weightsBaseUrl) {

    boolean eventsToStdout() {
        return noPost && output == null;
    }

    @Override
    public String toString() {
        return "ProducerSettings[api=" + api + ", weights=" + weights + ", engine=" + engine + ", batchSize=" + batchSize
                + ", " + tls + "]"; // no key, no password
    }
}
