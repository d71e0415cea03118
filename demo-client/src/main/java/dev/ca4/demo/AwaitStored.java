package dev.ca4.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Waits until every event the producer reports as accepted (its {@code --receipts} file) is stored by the worker,
 * and prints the same storage summary as {@link SendSamples} ({@code make run}).
 */
@Command(name = "await-stored", mixinStandardHelpOptions = true, version = "1.0",
        description = "Wait until the worker stored every accepted event of a ca4-producer receipts file.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {AwaitStored.STORED_OR_DRAINING + ":every accepted event was stored, or the rest wait behind "
                + "a backlog that is draining (reported)",
                AwaitStored.STUCK + ":the worker stored nothing while accepted events waited",
                AwaitStored.BAD_INPUT + ":invalid options or unreadable receipts"})
public class AwaitStored implements Callable<Integer> {
    static final int STORED_OR_DRAINING = 0;
    static final int STUCK = 1;
    static final int BAD_INPUT = CommandLine.ExitCode.USAGE;

    @Option(names = {"-r", "--receipts"}, required = true, description = "ca4-producer --receipts file (JSON Lines).")
    Path receipts;

    @Option(names = {"-w", "--worker"}, defaultValue = "http://localhost:9081",
            description = "Worker base URL (default: ${DEFAULT-VALUE}).")
    URI worker;

    @Option(names = {"-t", "--timeout-seconds"}, defaultValue = "120",
            description = "How long to wait for storage (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-backlog-wait-seconds", defaultValue = "600",
            description = "Behind a backlog of older events, wait up to this long while the worker's measured drain "
                    + "rate says it can empty it; past that, report the backlog instead (default: ${DEFAULT-VALUE}).")
    int maxBacklogWaitSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AwaitStored()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> accepted;
        try {
            accepted = acceptedIds(receipts);
        } catch (java.io.IOException | RuntimeException e) { // missing file, a line that is not JSON
            System.err.println("cannot read the receipts " + receipts + ": " + e.getMessage());
            return BAD_INPUT;
        }
        PipelineClient client = new PipelineClient(null, worker, null);
        StorageCheck.Result stored = new StorageCheck(client, timeoutSeconds, maxBacklogWaitSeconds).await(accepted);
        System.out.printf("accepted %d, stored %d, missing %d, dead-lettered (DLQ total) %s; end-to-end latency "
                        + "produced->stored p50 %d ms, p99 %d ms, max %d ms%n", accepted.size(), stored.stored(),
                accepted.size() - stored.stored(), client.get("/stats").path("dlq_count").asText("?"),
                stored.p50(), stored.p99(), stored.max());
        return switch (stored.verdict()) {
            case WAIT -> STORED_OR_DRAINING;
            case BACKLOG -> {
                System.out.printf("%d accepted event(s) are still queued behind a backlog: the worker's group lags by "
                                + "%d records and stores %.0f documents/s, so about %.0f s more. Nothing is lost; watch "
                                + "%s/stats (count, lag) or `make status`.%n", accepted.size() - stored.stored(),
                        stored.lag(), stored.drainRate(), stored.secondsToDrain(), worker);
                yield STORED_OR_DRAINING;
            }
            case STUCK -> {
                System.out.printf("the worker stored nothing for %d accepted event(s) (lag %d): see %s/health and the "
                        + "worker's log (worker-war/target/liberty/wlp/usr/servers/worker/logs/messages.log)%n",
                        accepted.size() - stored.stored(), stored.lag(), worker);
                yield STUCK;
            }
        };
    }

    static List<String> acceptedIds(Path receipts) throws java.io.IOException {
        return Files.readAllLines(receipts, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(l -> EventJson.parse(l.getBytes(StandardCharsets.UTF_8)))
                .filter(r -> r.path("outcome").asText().equals("accepted"))
                .map(r -> r.get("event_id").asText()).toList();
    }
}
