package dev.ca4.producer.client;

import com.sun.net.httpserver.HttpExchange;
import dev.ca4.event.EventValidator;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.event.SampleEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer verifies the processor's certificate: against a real HTTPS server with a self-signed one. */
class TlsTest {
    @TempDir
    static Path dir;
    static SelfSignedHttps https;
    static final AtomicInteger posts = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        https = new SelfSignedHttps(dir, "/metadata/batch", TlsTest::accept);
    }

    @AfterAll
    static void stop() {
        https.close();
    }

    private static void accept(HttpExchange ex) throws IOException {
        posts.incrementAndGet();
        ex.getRequestBody().readAllBytes();
        byte[] body = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(202, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static Outcome sendOne(URI api, Tls tls) throws InterruptedException {
        GpuMetadataEvent e = new EventValidator().validate(SampleEvents.withBase64(UUID.randomUUID(), 8,
                new Random())).event();
        // a generous retry budget: a TLS failure must end at once anyway
        return new ProcessorClient(api, "key", new Backoff(Duration.ofMillis(5), Duration.ofMillis(20),
                RandomGenerator.getDefault()), Duration.ofSeconds(60), tls).send(List.of(e)).get(0);
    }

    @Test
    void unknownCertificateFailsAtOnceNamingTheTruststoreOption() throws Exception {
        int before = posts.get();
        long start = System.nanoTime();
        Outcome o = sendOne(https.uri(), Tls.verifyWithDefaults());
        assertEquals(Outcome.Kind.FAILED, o.kind());
        assertEquals(Outcome.TLS_FAILED, o.status());
        assertTrue(o.detail().contains("--truststore") && o.detail().contains("--cacert")
                && o.detail().contains("TLS handshake"), o.detail());
        assertEquals(before, posts.get(), "nothing reached the server");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 50, "not retried until giving up");
    }

    @Test
    void truststoreWithTheServersCertificateWorks() throws Exception {
        Outcome o = sendOne(https.uri(), new Tls(https.truststore(), SelfSignedHttps.PASSWORD.toCharArray(), null,
                false));
        assertEquals(Outcome.Kind.ACCEPTED, o.kind(), String.valueOf(o.detail()));
    }

    @Test
    void pemCertificateWorks() throws Exception {
        Outcome o = sendOne(https.uri(), new Tls(null, null, https.pem(), false));
        assertEquals(Outcome.Kind.ACCEPTED, o.kind(), String.valueOf(o.detail()));
    }

    @Test
    void trustedCertificateForAnotherHostNameIsRefused() throws Exception {
        Outcome o = sendOne(https.uriByIp(), new Tls(null, null, https.pem(), false));
        assertEquals(Outcome.TLS_FAILED, o.status(), String.valueOf(o.detail()));
    }

    @Test
    void insecureAcceptsAnyCertificateAndHostName() throws Exception {
        assertEquals(Outcome.Kind.ACCEPTED, sendOne(https.uri(), new Tls(null, null, null, true)).kind());
        assertEquals(Outcome.Kind.ACCEPTED, sendOne(https.uriByIp(), new Tls(null, null, null, true)).kind());
    }

    @Test
    void wrongTruststorePasswordOrNotACertificateIsAClearError() throws Exception {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Tls(https.truststore(), "wrong".toCharArray(), null, false).context());
        assertTrue(e.getMessage().contains("--truststore") && e.getMessage().contains("password"), e.getMessage());
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        var e2 = assertThrows(IllegalArgumentException.class, () -> new Tls(null, null, notPem, false).context());
        assertTrue(e2.getMessage().contains("--cacert"), e2.getMessage());
    }
}
