package dev.ca4.producer.embed;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Adler32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --weights imagenet: the cache, the checked download and its errors, against a local HTTP server. */
class PretrainedWeightsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger downloads = new AtomicInteger();
    private byte[] content;
    private long adler;

    @BeforeEach
    void serveASavedGraph() throws Exception {
        content = Files.readAllBytes(TinyGraph.save(dir.resolve("served.zip")));
        Adler32 a = new Adler32();
        a.update(content);
        adler = a.getValue();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/models/resnet50_dl4j_inference.v3.zip", ex -> {
            downloads.incrementAndGet();
            ex.sendResponseHeaders(200, content.length);
            ex.getResponseBody().write(content);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/models/resnet50_dl4j_inference.v3.zip");
    }

    @Test
    void aMirrorServesTheSameFileUnderTheSameChecksum() {
        PretrainedWeights dl4j = PretrainedWeights.resnet50Imagenet();
        PretrainedWeights mirror = PretrainedWeights.resnet50Imagenet(URI.create("https://mirror.example/dl4j"));
        assertEquals(URI.create("https://mirror.example/dl4j/resnet50_dl4j_inference.v3.zip"), mirror.url());
        assertEquals(dl4j.adler32(), mirror.adler32());
        assertEquals(dl4j.cachedFile(), mirror.cachedFile());
    }

    @Test
    void downloadsOnceVerifiesThenUsesTheCache() throws Exception {
        Path cache = dir.resolve("cache/resnet50");
        PretrainedWeights w = new PretrainedWeights(url(), adler, cache);
        Path file = w.resolve(TIMEOUT);
        assertEquals(cache.resolve("resnet50_dl4j_inference.v3.zip"), file);
        assertArrayEquals(content, Files.readAllBytes(file));
        w.resolve(TIMEOUT);
        assertEquals(1, downloads.get());
        WeightsLoader.restore(file).close(); // what was fetched is a loadable graph
    }

    @Test
    void corruptCachedFileIsReplaced() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Files.writeString(cache.resolve("resnet50_dl4j_inference.v3.zip"), "partial download");
        Path file = new PretrainedWeights(url(), adler, cache).resolve(TIMEOUT);
        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals(1, downloads.get());
    }

    @Test
    void checksumMismatchDeletesTheFileAndSaysWhereToPlaceIt() throws Exception {
        Path cache = dir.resolve("cache");
        PretrainedWeights w = new PretrainedWeights(url(), adler + 1, cache);
        WeightsException e = assertThrows(WeightsException.class, () -> w.resolve(TIMEOUT));
        assertTrue(e.getMessage().contains("Adler32 " + adler + ", expected " + (adler + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("place it at " + cache.resolve("resnet50_dl4j_inference.v3.zip")),
                e.getMessage());
        assertFalse(Files.exists(cache.resolve("resnet50_dl4j_inference.v3.zip")));
        assertFalse(Files.exists(cache.resolve("resnet50_dl4j_inference.v3.zip.part")));
    }

    @Test
    void unreachableServerIsAClearErrorNotAFallback() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path cache = dir.resolve("cache");
        PretrainedWeights w = new PretrainedWeights(URI.create("http://127.0.0.1:" + closedPort
                + "/dl4j/resnet50_dl4j_inference.v3.zip"), adler, cache);
        WeightsException e = assertThrows(WeightsException.class, () -> w.resolve(TIMEOUT));
        assertTrue(e.getMessage().startsWith("ImageNet weights unavailable: could not download"), e.getMessage());
        assertTrue(e.getMessage().contains("resnet50_dl4j_inference.v3.zip yourself and place it at "
                + cache.resolve("resnet50_dl4j_inference.v3.zip")), e.getMessage());
        assertTrue(e.getMessage().contains("--weights PATH"), e.getMessage());
    }

    @Test
    void imagenetIsDl4jsResNet50FileInItsCache() {
        PretrainedWeights w = PretrainedWeights.resnet50Imagenet();
        assertEquals("resnet50_dl4j_inference.v3.zip", w.fileName());
        assertTrue(w.cacheDir().endsWith(Path.of("models", "resnet50")), w.cacheDir().toString());
        assertTrue(w.adler32() != 0);
    }
}
