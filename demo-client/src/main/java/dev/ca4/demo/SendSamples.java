package dev.ca4.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;
import dev.ca4.event.SampleEvents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Pushes sample events through the running pipeline, waits until each accepted one is stored, prints a summary. */
@Command(name = "send-samples", mixinStandardHelpOptions = true, version = "1.0",
        description = "Send sample GPU metadata events to the processor and wait until the worker stored them.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {SendSamples.ALL_STORED + ":every accepted event was stored",
                SendSamples.NOT_ALL_STORED + ":some event was not accepted or not stored",
                CommandLine.ExitCode.USAGE + ":invalid options"})
public class SendSamples implements Callable<Integer> {
    static final int ALL_STORED = 0;
    static final int NOT_ALL_STORED = 1;


    @Option(names = {"-a", "--api"}, defaultValue = "${env:EDGE_API_URL:-http://localhost:9080}",
            description = "Processor base URL (default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = {"-w", "--worker"}, defaultValue = "http://localhost:9081",
            description = "Worker base URL, to check storage (default: ${DEFAULT-VALUE}).")
    URI worker;

    @Option(names = {"-k", "--api-key"}, defaultValue = "${env:CA4_API_KEYS}",
            description = "API key (default: the first of $CA4_API_KEYS; never printed).")
    String apiKey;

    @Option(names = {"-n", "--count"}, defaultValue = "200", description = "Events to send (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = {"-b", "--batch-size"}, defaultValue = "50",
            description = "Events per POST /metadata/batch; the first tenth go one by one (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = {"-d", "--dim"}, defaultValue = "2048", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = {"-t", "--timeout-seconds"}, defaultValue = "120",
            description = "How long to wait for storage (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SendSamples()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (apiKey == null || apiKey.isBlank()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "no API key: set --api-key or CA4_API_KEYS");
        }
        PipelineClient client = new PipelineClient(api, worker, apiKey.split(",")[0].strip());
        Random random = new Random();
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(i % 2 == 0 ? SampleEvents.withBase64(UUID.randomUUID(), dim, random)
                    : SampleEvents.withValues(UUID.randomUUID(), dim, random));
        }
        long start = System.nanoTime();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        int singles = Math.max(1, count / 10);
        int rejected = 0;
        for (int i = 0; i < Math.min(singles, count); i++) {
            JsonNode r = client.post("/metadata", events.get(i));
            if (client.lastStatus() == 202) {
                accepted.add(r.get("event_id").asText());
            } else {
                rejected++;
                System.err.println("event " + i + ": HTTP " + client.lastStatus() + " " + r.path("detail").asText());
            }
        }
        for (int from = singles; from < count; from += batchSize) {
            ArrayNode batch = EventJson.MAPPER.createArrayNode();
            events.subList(from, Math.min(count, from + batchSize)).forEach(batch::add);
            JsonNode r = client.post("/metadata/batch", batch);
            for (JsonNode item : r.path("results")) {
                if (item.path("status").asInt() == 202) {
                    accepted.add(item.get("event_id").asText());
                } else {
                    rejected++;
                }
            }
            if (!r.has("results")) {
                rejected += batch.size();
                System.err.println("batch at " + from + ": HTTP " + client.lastStatus() + " " + r.path("detail").asText());
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        StorageCheck.Result stored = new StorageCheck(client, timeoutSeconds, timeoutSeconds).await(accepted);
        System.out.printf("sent %d, accepted %d, rejected %d, stored %d, missing %d, dead-lettered (DLQ total) %s%n",
                count, accepted.size(), rejected, stored.stored(), accepted.size() - stored.stored(),
                client.get("/stats").path("dlq_count").asText("?"));
        System.out.printf("send rate %.0f events/s; end-to-end latency produced->stored p50 %d ms, p99 %d ms, max %d ms%n",
                count / sendSeconds, stored.p50(), stored.p99(), stored.max());
        return rejected == 0 && stored.stored() == accepted.size() ? ALL_STORED : NOT_ALL_STORED;
    }
}
