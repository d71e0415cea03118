package it.dev.ca4.processor;

import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The admin center and the REST connector are served only over HTTPS and only to the administrator; every
 * method the API does not serve is refused by the container; unknown paths are a plain 404; Liberty's health,
 * metrics and OpenAPI stay open (Prometheus and the probes need no credentials).
 */
class AdminSecurityIT {
    private static final String HTTP = "http://localhost:9080";
    private static final String HTTPS = "https://localhost:9443";
    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    private static RequestSpecification http() {
        return RestAssured.given().config(NO_REDIRECTS).baseUri(HTTP);
    }

    /** HTTPS with Liberty's self-signed certificate (its verification is the producer's TLS tests' subject). */
    private static RequestSpecification https() {
        return RestAssured.given().config(NO_REDIRECTS).relaxedHTTPSValidation().baseUri(HTTPS);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            fail(name + " is not set: run the tests through `make test`");
        }
        return v;
    }

    private static void assertNoLeak(Response r) {
        String body = r.asString();
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("com.ibm."),
                "no stack trace or internals: " + body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/adminCenter/", "/IBMJMXConnectorREST", "/IBMJMXConnectorREST/mbeans"})
    void plainHttpDoesNotServeTheAdminEndpoints(String path) {
        Response r = http().get(path);
        int s = r.statusCode();
        System.out.println(path + " over plain HTTP: " + s + " " + r.header("Location"));
        if (s >= 300 && s < 400) {
            assertTrue(r.header("Location").startsWith("https://"), "redirects to HTTPS only: " + r.header("Location"));
        } else {
            assertTrue(s == 403 || s == 404, path + " over HTTP answered " + s + ": " + r.asString());
        }
        assertFalse(r.asString().contains("MBean") || r.asString().toLowerCase().contains("admin center"),
                "no admin content over HTTP: " + r.asString());
        assertNoLeak(r);
    }

    @Test
    void restConnectorOverHttpsNeedsTheAdministrator() {
        assertEquals(401, https().get("/IBMJMXConnectorREST").statusCode(), "no credentials");
        assertEquals(401, https().auth().preemptive().basic(env("CA4_ADMIN_USER"), "wrong-password")
                .get("/IBMJMXConnectorREST").statusCode(), "wrong password");
        assertEquals(401, https().auth().preemptive().basic("not-a-user", env("CA4_ADMIN_PASSWORD"))
                .get("/IBMJMXConnectorREST").statusCode(), "unknown user");
        Response admin = https().auth().preemptive().basic(env("CA4_ADMIN_USER"), env("CA4_ADMIN_PASSWORD"))
                .get("/IBMJMXConnectorREST");
        assertEquals(200, admin.statusCode(), admin.asString());
    }

    /**
     * The admin center asks for a login over HTTPS (its form), and a wrong password gets no session. That the
     * administrator's own login succeeds is proven through the REST connector above (same registry and role):
     * scripting the admin center's JavaScript login form (CSRF double-submit) is not done here.
     */
    @Test
    void adminCenterOverHttpsAsksForTheAdministrator() {
        Response anonymous = https().get("/adminCenter/");
        assertEquals(302, anonymous.statusCode(), "no credentials: " + anonymous.asString());
        assertTrue(anonymous.header("Location").contains("login"), "to the login form: " + anonymous.header("Location"));
        assertEquals(200, https().get("/adminCenter/login.jsp").statusCode(), "the login form, over HTTPS");
        assertFalse(login("wrong-password").containsKey("LtpaToken2"), "a wrong password gets no session");
        Response basic = https().auth().preemptive().basic(env("CA4_ADMIN_USER"), "wrong-password").get("/adminCenter/");
        assertFalse(basic.statusCode() == 200, "no admin center page for a wrong password");
    }

    private static String lastPost;

    /** The browser's way: the protected page (remembered by Liberty's WASReqURL cookie), its login form, the POST. */
    private static Map<String, String> login(String password) {
        Map<String, String> cookies = new HashMap<>(https().get("/adminCenter/").getCookies());
        Response form = https().cookies(cookies).get("/adminCenter/login.jsp");
        assertEquals(200, form.statusCode(), "the login form");
        cookies.putAll(form.getCookies());
        // the form's hidden fields (its CSRF token, which must match the csrfToken cookie) go back with it
        Map<String, String> fields = new HashMap<>();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form.asString());
        while (hidden.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(hidden.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(hidden.group());
            if (name.find()) {
                fields.put(name.group(1), value.find() ? value.group(1) : "");
            }
        }
        // the page's script copies the csrfToken cookie into the empty CSRF fields (double-submit)
        String csrf = cookies.getOrDefault("csrfToken", "");
        fields.replaceAll((k, v) -> v.isEmpty() && k.toLowerCase().contains("csrf") ? csrf : v);
        Response post = https().cookies(cookies).header("Referer", HTTPS + "/adminCenter/login.jsp")
                .header("X-CSRF-Token", csrf)
                .formParams(fields).formParam("j_username", env("CA4_ADMIN_USER")).formParam("j_password", password)
                .post("/adminCenter/j_security_check");
        lastPost = post.statusCode() + " " + post.header("Location") + " fields " + fields.keySet();
        cookies.putAll(post.getCookies());
        return cookies;
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "TRACE", "OPTIONS"})
    void methodsTheApiDoesNotServeAreRefused(String method) {
        Response r = Pipeline.api().body("{}").request(method, "/metadata");
        assertTrue(r.statusCode() == 403 || r.statusCode() == 405, method + " answered " + r.statusCode());
        assertNoLeak(r);
        Response batch = Pipeline.api().body("[]").request(method, "/metadata/batch");
        assertTrue(batch.statusCode() == 403 || batch.statusCode() == 405, method + " answered " + batch.statusCode());
    }

    @Test
    void getOnTheIngestPathIs405AndUnknownPathsAre404WithoutInternals() {
        Response get = Pipeline.api().get("/metadata");
        assertEquals(405, get.statusCode(), get.asString());
        assertNoLeak(get);
        for (String path : new String[]{"/nothing-here", "/metadata/nope", "/WEB-INF/web.xml", "/../etc/passwd"}) {
            Response r = Pipeline.api().get(path);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " answered " + r.statusCode());
            assertNoLeak(r);
            assertFalse(r.asString().contains("<web-app") || r.asString().contains("root:"), r.asString());
        }
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        assertEquals(200, http().get("/health/live").statusCode());
        assertEquals(200, http().get("/metrics").statusCode());
        assertEquals(200, http().get("/openapi").statusCode());
    }
}
