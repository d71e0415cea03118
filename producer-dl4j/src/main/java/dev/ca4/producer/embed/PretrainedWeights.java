package dev.ca4.producer.embed;

import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.model.ResNet50;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Logger;
import java.util.zip.Adler32;
import java.util.zip.CheckedInputStream;

/**
 * The pretrained file in DL4J's cache, downloaded when absent, its Adler32 checked either way (as the zoo does:
 * a file that fails the check is deleted). Never falls back to other weights: when the file cannot be had, the
 * error names the file, where to place it, and its checksum.
 *
 * @param url      where the file is downloaded from
 * @param adler32  expected checksum of the whole file
 * @param cacheDir where DL4J keeps it ({@code ~/.deeplearning4j/models/resnet50/} by default)
 */
public record PretrainedWeights(URI url, long adler32, Path cacheDir) {

    private static final Logger LOG = Logger.getLogger(PretrainedWeights.class.getName());

    /** DL4J's ImageNet ResNet50 ({@code resnet50_dl4j_inference.v3.zip}): URL and checksum from the zoo. */
    public static PretrainedWeights resnet50Imagenet() {
        ResNet50 zoo = ResNet50.builder().build();
        return new PretrainedWeights(URI.create(zoo.pretrainedUrl(PretrainedType.IMAGENET)),
                zoo.pretrainedChecksum(PretrainedType.IMAGENET),
                DL4JResources.getDirectory(ResourceType.ZOO_MODEL, zoo.modelName()).toPath());
    }

    /**
     * The same file from a mirror: {@code baseUrl} + its file name (DL4J's own host has refused downloads since
     * 2023, deeplearning4j issue #10043), same checksum, same cache.
     */
    public static PretrainedWeights resnet50Imagenet(URI baseUrl) {
        PretrainedWeights zoo = resnet50Imagenet();
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
        return new PretrainedWeights(URI.create(base + zoo.fileName()), zoo.adler32(), zoo.cacheDir());
    }

    public String fileName() {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public Path cachedFile() {
        return cacheDir.resolve(fileName());
    }

    /** The verified local file, downloading it first when needed. */
    public Path resolve(Duration timeout) throws WeightsException {
        Path file = cachedFile();
        if (Files.isRegularFile(file)) {
            if (checksum(file) == adler32) {
                LOG.info("using cached weights " + file);
                return file;
            }
            LOG.warning("cached " + file + " fails its Adler32 check; deleting it and downloading again");
            delete(file);
        }
        download(file, timeout);
        return file;
    }

    private void download(Path file, Duration timeout) throws WeightsException {
        LOG.info("downloading " + url + " to " + file);
        Path partial = file.resolveSibling(fileName() + ".part");
        try {
            Files.createDirectories(cacheDir);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            long actual = checksum(partial);
            if (actual != adler32) {
                throw new IOException("downloaded file has Adler32 " + actual + ", expected " + adler32);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(partial);
            throw new WeightsException(unavailable(e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delete(partial);
            throw new WeightsException(unavailable("interrupted"), e);
        }
    }

    private String unavailable(String reason) {
        return "ImageNet weights unavailable: could not download " + url + " (" + reason + "). Download "
                + fileName() + " yourself and place it at " + cachedFile() + " (Adler32 " + adler32
                + "), or pass --weights PATH to a local copy; --weights random runs without it.";
    }

    static long checksum(Path file) throws WeightsException {
        try (CheckedInputStream in = new CheckedInputStream(Files.newInputStream(file), new Adler32())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return in.getChecksum().getValue();
        } catch (IOException e) {
            throw new WeightsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("could not delete " + file + ": " + e.getMessage());
        }
    }
}
