package dev.ca4.producer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ca4.event.EventJson;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** colab/ca4_producer.ipynb is a valid nbformat 4 notebook, and the jar and options it uses exist. */
class ColabNotebookTest {
    private static final Path NOTEBOOK = Path.of("colab/ca4_producer.ipynb");
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern LONG_OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    private static final Set<String> CELL_TYPES = Set.of("markdown", "code", "raw");

    private static JsonNode notebook() throws Exception {
        return EventJson.MAPPER.readTree(Files.readAllBytes(NOTEBOOK));
    }

    private static String source(JsonNode cell) {
        JsonNode s = cell.get("source");
        if (s.isTextual()) {
            return s.asText();
        }
        StringBuilder b = new StringBuilder();
        s.forEach(line -> b.append(line.asText()));
        return b.toString();
    }

    @Test
    void isAValidNbformat4Notebook() throws Exception {
        JsonNode nb = notebook();
        assertEquals(4, nb.path("nbformat").asInt());
        assertTrue(nb.path("nbformat_minor").asInt() >= 5, "cell ids need 4.5");
        assertTrue(nb.path("metadata").isObject());
        assertEquals("python3", nb.at("/metadata/kernelspec/name").asText());
        assertTrue(nb.path("cells").isArray() && !nb.path("cells").isEmpty());
        Set<String> ids = new HashSet<>();
        Set<String> top = new HashSet<>();
        nb.fieldNames().forEachRemaining(top::add);
        assertEquals(Set.of("nbformat", "nbformat_minor", "metadata", "cells"), top);
        for (JsonNode cell : nb.get("cells")) {
            String type = cell.path("cell_type").asText();
            assertTrue(CELL_TYPES.contains(type), "cell_type " + type);
            String id = cell.path("id").asText();
            assertTrue(ID.matcher(id).matches() && ids.add(id), "unique cell id " + id);
            assertTrue(cell.path("metadata").isObject(), id);
            JsonNode s = cell.get("source");
            assertTrue(s != null && (s.isTextual() || s.isArray()), id);
            if (s.isArray()) {
                s.forEach(line -> assertTrue(line.isTextual(), id));
            }
            Set<String> fields = new HashSet<>();
            cell.fieldNames().forEachRemaining(fields::add);
            if (type.equals("code")) {
                assertTrue(cell.path("outputs").isArray(), id);
                assertTrue(cell.get("execution_count").isNull() || cell.get("execution_count").isInt(), id);
                assertEquals(Set.of("cell_type", "id", "metadata", "source", "outputs", "execution_count"), fields);
            } else {
                fields.removeAll(Set.of("attachments"));
                assertEquals(Set.of("cell_type", "id", "metadata", "source"), fields, id);
            }
        }
    }

    @Test
    void everyOptionItPassesToTheJarExists() throws Exception {
        CommandLine.Model.CommandSpec spec = new CommandLine(new ProducerCommand()).getCommandSpec();
        List<String> used = new ArrayList<>();
        for (JsonNode cell : notebook().get("cells")) {
            String src = source(cell);
            if (cell.path("cell_type").asText().equals("code") && (src.contains("'-jar'") || src.contains("java -jar"))) {
                Matcher m = LONG_OPTION.matcher(src);
                while (m.find()) {
                    used.add(m.group());
                }
            }
        }
        assertTrue(used.containsAll(List.of("--api", "--weights", "--batch-size", "--receipts", "--help")), "" + used);
        for (String option : used) {
            assertNotNull(spec.findOption(option), option + " is not an option of ca4-producer");
        }
    }

    /** The thin CUDA jar's manifest names its natives from the parent's versions; the notebook fetches those. */
    @Test
    void theNativesItFetchesAreTheOnesTheThinJarLoads() throws Exception {
        var parent = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("../pom.xml").toFile());
        String dl4j = parent.getElementsByTagName("dl4j.version").item(0).getTextContent();
        String redist = parent.getElementsByTagName("cuda-redist.version").item(0).getTextContent();
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String classPath = pom.getElementsByTagName("producer.natives.classpath").item(1).getTextContent()
                .replace("${dl4j.version}", dl4j).replace("${cuda-redist.version}", redist);
        String jarCell = "";
        for (JsonNode cell : notebook().get("cells")) {
            if (cell.path("id").asText().equals("jar")) {
                jarCell = source(cell);
            }
        }
        Matcher fetched = Pattern.compile("'[\\w/.-]+/([\\w.-]+\\.jar)':\\s*'([0-9a-f]{40})'").matcher(jarCell);
        List<String> names = new ArrayList<>();
        while (fetched.find()) {
            names.add("natives/" + fetched.group(1));
        }
        assertEquals(List.of(classPath.split("\\s+")), names, "the jar cell's CUDA_NATIVES");
    }

    @Test
    void theNativeFetcherChecksWhatItFetches(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/run_fetch_cell.py", NOTEBOOK.toString(),
                dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.strip().endsWith("ok"), out);
    }

    @Test
    void itUsesTheJarTheCudaProfileBuilds() throws Exception {
        String text = Files.readString(NOTEBOOK);
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String outputFile = pom.getElementsByTagName("outputFile").item(0).getTextContent();
        String cudaBackend = null;
        var profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element p = (Element) profiles.item(i);
            if (p.getElementsByTagName("id").item(0).getTextContent().equals("cuda")) {
                cudaBackend = p.getElementsByTagName("producer.backend").item(0).getTextContent();
            }
        }
        assertEquals("${project.build.directory}/ca4-producer-${producer.backend}.jar", outputFile);
        String jar = "ca4-producer-" + cudaBackend + ".jar";
        assertEquals("ca4-producer-cuda.jar", jar);
        assertTrue(text.contains("producer-dl4j/target/" + jar), "copies the built jar");
        assertTrue(text.contains("'-Pcuda', '-pl', 'producer-dl4j'"), "builds it with the cuda profile");
        Matcher other = Pattern.compile("ca4-producer-(?!cuda\\.jar)[\\w.-]+\\.jar").matcher(text);
        assertFalse(other.find(), "no other jar name: " + (other.find(0) ? other.group() : ""));
        assertTrue(Files.isDirectory(Path.of("samples")), "the sample folder it falls back to");
    }
}
