package dev.ca4.demo;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The demo's last step ({@code make run}): the nearest neighbours of the first sample image the producer sent, from
 * the search service ({@code GET /similar/{event_id}}), once it has indexed it.
 */
@Command(name = "show-similar", mixinStandardHelpOptions = true, version = "1.0",
        description = "Print the images most similar to the first accepted event of a ca4-producer receipts file.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the neighbours were printed", "1:the search service did not index the event in time",
                "2:invalid options, unreadable receipts or no API key"})
public class ShowSimilar implements Callable<Integer> {

    @Option(names = {"-r", "--receipts"}, required = true, description = "ca4-producer --receipts file (JSON Lines).")
    java.nio.file.Path receipts;

    @Option(names = {"-s", "--search"}, defaultValue = "http://localhost:9082",
            description = "Search service base URL (default: ${DEFAULT-VALUE}).")
    URI search;

    @Option(names = {"-k"}, defaultValue = "3", description = "Neighbours to show (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = {"-t", "--timeout-seconds"}, defaultValue = "60",
            description = "How long to wait for the event to be indexed (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--api-key", defaultValue = "${env:CA4_API_KEYS}",
            description = "X-API-Key (default: the first of $CA4_API_KEYS).")
    String apiKeys;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ShowSimilar()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> accepted;
        try {
            accepted = AwaitStored.acceptedIds(receipts);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("cannot read the receipts " + receipts + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (apiKeys == null || apiKeys.isBlank()) {
            System.err.println("no API key: pass --api-key or set CA4_API_KEYS");
            return CommandLine.ExitCode.USAGE;
        }
        if (accepted.isEmpty()) {
            System.out.println("no accepted event in " + receipts + ": nothing to search for");
            return 0;
        }
        String id = accepted.get(0);
        PipelineClient client = new PipelineClient(null, search, apiKeys.split(",")[0].strip());
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        JsonNode answer = client.get("/similar/" + id + "?k=" + k);
        while (client.lastStatus() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            answer = client.get("/similar/" + id + "?k=" + k);
        }
        if (client.lastStatus() != 200) {
            System.out.printf("the search service did not index event %s within %d s (HTTP %d: %s); see %s/health%n",
                    id, timeoutSeconds, client.lastStatus(), answer.path("detail").asText(), search);
            return 1;
        }
        System.out.printf("Images most similar to event %s (GET %s/similar/%s?k=%d, cosine, %s ms):%n", id, search, id,
                k, answer.path("took_ms").asText());
        for (JsonNode r : answer.path("results")) {
            System.out.printf("  %.4f  %s  (event %s)%n", r.path("score").asDouble(), r.path("image").path("id").asText("?"),
                    r.path("event_id").asText());
        }
        return 0;
    }
}
