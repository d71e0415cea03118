package dev.ca4.k8scheck;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * liberty/SERVICE/Containerfile builds from what `make build` really produces (no Docker engine here to build
 * it): every COPY source exists and is not excluded by .dockerignore, the WAR lands where server.xml's
 * webApplication looks, the base is Open Liberty kernel-slim of the pom's Liberty version, features.sh runs after
 * the server config is in place, and the image runs as a non-root user.
 */
class ContainerfileTest {

    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {"processor", "worker", "search"})
    void copiesTheBuildOutputTheServerExpects(String svc) {
        String file = Repo.read("liberty/" + svc + "/Containerfile");
        WarFacts war = WarFacts.of(svc);
        List<String[]> copies = new ArrayList<>();
        Matcher m = COPY.matcher(file);
        while (m.find()) {
            copies.add(new String[]{m.group(1), m.group(2)});
        }
        assertEquals(2, copies.size(), "config and WAR");
        for (String[] c : copies) {
            Path source = Repo.path(c[0]);
            assertTrue(Files.exists(source), c[0] + " does not exist: run 'make build' (or the Containerfile names the wrong path)");
            assertTrue(dockerignoreKeeps(c[0]), c[0] + " is excluded by .dockerignore");
        }
        Path config = Repo.path(copies.get(0)[0]);
        for (String f : List.of("server.xml", "ca4-common.xml", "jvm.options")) {
            assertTrue(Files.exists(config.resolve(f)), "the config folder lacks " + f);
        }
        assertEquals(Repo.read(war.module() + "/src/main/liberty/config/server.xml"), Repo.read(copies.get(0)[0] + "server.xml"),
                "the image gets the server.xml the WAR uses locally");
        assertEquals("/config/", copies.get(0)[1]);
        assertEquals(war.module() + "/target/" + war.warFile(), copies.get(1)[0], "server.xml's webApplication location");
        assertEquals("/config/apps/", copies.get(1)[1], "server.xml's relative webApplication resolves in /config/apps");
        assertTrue(file.indexOf("RUN features.sh") > file.indexOf(copies.get(0)[0]), "features.sh reads server.xml: copy it first");
        assertTrue(file.contains("icr.io/appcafe/open-liberty:" + WarFacts.pomProperty("openliberty.version") + "-kernel-slim-java17"),
                "kernel-slim base of the pom's Open Liberty version");
        assertTrue(file.matches("(?s).*\\nUSER (100[0-9]|[1-9][0-9]{3,})\\n.*"), "runs as a non-root user");
        assertTrue(file.contains("EXPOSE " + war.httpPort() + " " + war.httpsPort()), "exposes server.xml's ports");
    }

    @org.junit.jupiter.api.Test
    void makeImagesTagsWhatTheManifestsDeploy() throws Exception {
        // make itself evaluates the tag, as `make images` would (WarContractTest checks the manifests use it).
        Process make = new ProcessBuilder("make", "-s", "--no-print-directory",
                "--eval", "ca4-print-image-tag: ; @echo $(CA4_IMAGE_TAG)", "ca4-print-image-tag")
                .directory(Repo.root().toFile()).redirectErrorStream(true).start();
        String out = new String(make.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, make.waitFor(), out);
        assertEquals(WarFacts.pomProperty("project.version"), out, "make's CA4_IMAGE_TAG = the project version");
    }

    /** Whether the root .dockerignore (exclude everything, then !re-include) keeps this path. */
    private static boolean dockerignoreKeeps(String path) {
        boolean kept = true;
        for (String line : Repo.read(".dockerignore").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            boolean include = line.startsWith("!");
            String pattern = (include ? line.substring(1) : line).replaceAll("/$", "");
            if (pattern.equals("*") || path.replaceAll("/$", "").equals(pattern) || path.startsWith(pattern + "/")) {
                kept = include;
            }
        }
        return kept;
    }
}
