package dev.ca4.producer.cli;

import com.sun.net.httpserver.HttpServer;
import dev.ca4.producer.embed.TinyGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A processor that refuses the key stops the run at once (exit 4) instead of failing every image in turn. */
class ApiRefusalTest {
    @TempDir
    Path dir;

    @Test
    void refusedKeyStopsTheRun() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metadata/batch", ex -> {
            posts.incrementAndGet();
            byte[] body = "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown X-API-Key\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/problem+json");
            ex.sendResponseHeaders(401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Path model = TinyGraph.save(dir.resolve("tiny.zip"));
            Path receipts = dir.resolve("receipts.jsonl");
            StringWriter err = new StringWriter();
            CommandLine cl = ProducerCommand.commandLine(new ProducerCommand(Map.of("CA4_API_KEY", "wrong")));
            cl.setErr(new PrintWriter(err));
            int exit = cl.execute("--api", "http://127.0.0.1:" + server.getAddress().getPort(), "--weights",
                    model.toString(), "--layer", TinyGraph.LAYER, "--batch-size", "1", "--concurrency", "1",
                    "--receipts", receipts.toString(), "samples");

            assertEquals(ExitCodes.API_REFUSED, exit);
            assertTrue(posts.get() < 6, "stopped early: " + posts.get() + " posts for 6 images");
            String lines = Files.readString(receipts);
            assertTrue(lines.contains("\"status\":401") && lines.contains("unknown X-API-Key"), lines);
        } finally {
            server.stop(0);
        }
    }
}
