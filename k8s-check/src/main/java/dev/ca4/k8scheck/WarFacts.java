package dev.ca4.k8scheck;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a WAR really serves and reads, taken from its sources: the ports and application of its server.xml, the
 * Liberty features of liberty/config/ca4-common.xml, every MicroProfile Config key with a default, and every
 * server variable its configuration uses (Liberty resolves those from the environment too).
 */
public record WarFacts(String module, int httpPort, int httpsPort, String warFile, Set<String> configKeys,
                       Properties defaults) {

    public static final String COMMON = "liberty/config/ca4-common.xml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    public static WarFacts of(String service) {
        String module = service + "-war";
        Element server = xml(module + "/src/main/liberty/config/server.xml");
        Properties defaults = new Properties();
        try {
            defaults.load(new StringReader(Repo.read(module + "/src/main/resources/META-INF/microprofile-config.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new HashSet<>(defaults.stringPropertyNames());
        for (String file : List.of(module + "/src/main/liberty/config/server.xml", COMMON)) {
            Matcher m = VARIABLE.matcher(Repo.read(file));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        String war = ((Element) server.getElementsByTagName("webApplication").item(0)).getAttribute("location");
        return new WarFacts(module, Integer.parseInt(variable(server, "http.port")), Integer.parseInt(variable(server, "https.port")),
                war, keys, defaults);
    }

    /** The environment variable names MicroProfile Config (and Liberty) map to this WAR's keys. */
    public boolean readsEnv(String name) {
        return configKeys.stream().anyMatch(k -> k.equals(name) || k.replaceAll("[^A-Za-z0-9]", "_").equals(name)
                || k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase().equals(name));
    }

    public static List<String> features() {
        NodeList nodes = xml(COMMON).getElementsByTagName("feature");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent().trim()).toList();
    }

    /** A property of the root pom.xml (versions live there). */
    public static String pomProperty(String name) {
        if (name.equals("project.version")) {
            return ((Element) xml("pom.xml").getElementsByTagName("version").item(0)).getTextContent().trim();
        }
        return xml("pom.xml").getElementsByTagName(name).item(0).getTextContent().trim();
    }

    private static String variable(Element server, String name) {
        NodeList vars = server.getElementsByTagName("variable");
        for (int i = 0; i < vars.getLength(); i++) {
            Element v = (Element) vars.item(i);
            if (v.getAttribute("name").equals(name)) {
                return v.getAttribute("defaultValue");
            }
        }
        throw new IllegalStateException("no variable " + name);
    }

    static Element xml(String file) {
        try {
            Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repo.path(file).toFile());
            return d.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
