package dev.ca4.producer.cli;

import com.sun.net.httpserver.HttpExchange;
import dev.ca4.producer.client.SelfSignedHttps;
import dev.ca4.producer.embed.TinyGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer's TLS options end to end through the command line, against an HTTPS server with its own CA. */
class TlsOptionsTest {
    @TempDir
    static Path dir;
    static SelfSignedHttps https;
    static Path model;

    @BeforeAll
    static void start() throws Exception {
        https = new SelfSignedHttps(dir, "/metadata/batch", TlsOptionsTest::acceptAll);
        model = TinyGraph.save(dir.resolve("tiny.zip"));
    }

    @AfterAll
    static void stop() {
        https.close();
    }

    private static void acceptAll(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] body = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(202, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private record Run(int exit, String err) {
    }

    private static Run run(Map<String, String> env, String... tlsArgs) {
        StringWriter err = new StringWriter();
        CommandLine cl = ProducerCommand.commandLine(new ProducerCommand(env));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("--api", https.uri().toString(), "--weights", model.toString(),
                "--layer", TinyGraph.LAYER, "--batch-size", "6", "--give-up-after", "120"));
        args.addAll(List.of(tlsArgs));
        args.add("samples");
        return new Run(cl.execute(args.toArray(String[]::new)), err.toString());
    }

    @Test
    void untrustedCertificateStopsTheRunNamingTheTruststoreOption() {
        Run r = run(Map.of("CA4_API_KEY", "k"));
        assertEquals(ExitCodes.API_REFUSED, r.exit(), r.err());
    }

    @Test
    void truststoreFromTheEnvironmentPasswordWorks() {
        Run r = run(Map.of("CA4_API_KEY", "k", "CA4_TRUSTSTORE_PASSWORD", SelfSignedHttps.PASSWORD),
                "--truststore", https.truststore().toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertFalse(r.err().contains("WARNING"), r.err());
    }

    @Test
    void insecureWorksAndWarnsOnStderr() {
        Run r = run(Map.of("CA4_API_KEY", "k"), "--insecure");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("WARNING: --insecure"), r.err());
    }

    @Test
    void wrongTruststorePasswordIsAnOptionError() {
        Run r = run(Map.of("CA4_API_KEY", "k"), "--truststore", https.truststore().toString(),
                "--truststore-password", "wrong");
        assertEquals(ExitCodes.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("--truststore"), r.err());
    }

    @Test
    void insecureWithATruststoreIsAnOptionError() {
        Run r = run(Map.of("CA4_API_KEY", "k"), "--insecure", "--cacert", https.pem().toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.exit(), r.err());
    }
}
