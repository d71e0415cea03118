package dev.ca4.k8scheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * features.sh and configure.sh of the local Open Liberty base (liberty/base/helpers, docs/containers.md), run on a
 * tree of their own: features.sh names the features server.xml wants that the runtime lacks, and configure.sh
 * leaves each WAR as a directory Liberty deploys without writing to the (read-only) root file system.
 */
class LocalBaseHelpersTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String output) {
    }

    private Run run(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", Repo.path("liberty/base/helpers/" + script).toString())
                .redirectErrorStream(true);
        pb.environment().put("CONFIG_DIR", tmp.resolve("config").toString());
        pb.environment().put("WLP_DIR", tmp.resolve("wlp").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private void config(String features) throws IOException {
        Files.createDirectories(tmp.resolve("config/apps"));
        Files.writeString(tmp.resolve("config/server.xml"), "<server><include location=\"common.xml\"/></server>");
        Files.writeString(tmp.resolve("config/common.xml"), "<server><featureManager>\n" + features + "</featureManager></server>");
    }

    private void installed(String... shortNames) throws IOException {
        Path features = Files.createDirectories(tmp.resolve("wlp/lib/features"));
        for (String name : shortNames) {
            // Liberty's manifests end their lines with CRLF
            Files.writeString(features.resolve("io.openliberty." + name + ".mf"),
                    "Manifest-Version: 1.0\r\nIBM-ShortName: " + name + "\r\n");
        }
    }

    @Test
    void featuresShPassesWhenEveryNamedFeatureIsInstalled() throws Exception {
        config("  <feature>restfulWS-3.1</feature>\n  <feature>mpHealth-4.0</feature>\n");
        installed("restfulWS-3.1", "mpHealth-4.0", "cdi-4.0");
        Run r = run("features.sh");
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void featuresShNamesTheMissingFeatureAndFails() throws Exception {
        config("  <feature>restfulWS-3.1</feature>\n  <feature>mpHealth-4.0</feature>\n");
        installed("restfulWS-3.1", "mpHealth-4.1");
        Run r = run("features.sh");
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("lacks the feature(s) mpHealth-4.0"), r.output());
        assertFalse(r.output().contains("restfulWS-3.1"), "only the missing one is named: " + r.output());
    }

    @Test
    void configureShTurnsEachWarIntoADirectoryOfItsContents() throws Exception {
        config("");
        Path war = tmp.resolve("config/apps/worker-war.war");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            zip.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
            zip.write("<web-app/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Run r = run("configure.sh");
        assertEquals(0, r.exit(), r.output());
        assertTrue(Files.isDirectory(war), "the WAR is now a directory of the same name");
        assertEquals("<web-app/>", Files.readString(war.resolve("WEB-INF/web.xml")));
        assertTrue(r.output().contains("1 application(s)"), r.output());
    }

    @Test
    void configureShRefusesAServerWithoutItsConfigOrApplication() throws Exception {
        Files.createDirectories(tmp.resolve("config/apps"));
        Run noConfig = run("configure.sh");
        assertEquals(1, noConfig.exit());
        assertTrue(noConfig.output().contains("no /config/server.xml"), noConfig.output());

        config("");
        Run noApp = run("configure.sh");
        assertEquals(1, noApp.exit());
        assertTrue(noApp.output().contains("no application"), noApp.output());
    }
}
