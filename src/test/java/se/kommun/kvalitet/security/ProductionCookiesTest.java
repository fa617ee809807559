package se.kommun.kvalitet.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.kommun.kvalitet.KvalitetApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the prod profile promises browsers, asked of a real prod-profile server over HTTP: HSTS on every
 * response and Secure, HttpOnly, SameSite cookies, both on our pages and in Camunda's webapps. Runs in its own
 * JVM (a second application context would spoil the shared one's Camunda webapp statics), against its own
 * PostgreSQL and SMTP server, with the settings the prod start guard demands.
 */
@Tag("own-jvm")
class ProductionCookiesTest {

    static final String ADMIN_PASSWORD = "Kommun-Drift-Hemlig-2026!";

    static EmbeddedPostgres postgres;
    static GreenMail smtp;
    static ConfigurableApplicationContext server;
    static String baseUrl;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startProductionServer() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        server = new SpringApplicationBuilder(KvalitetApplication.class).profiles("prod").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--kvalitet.status-token.secret=ett-hemligt-produktionsvarde-med-minst-32-tecken",
                "--kvalitet.action-plans.link-secret=ett-annat-hemligt-produktionsvarde-minst-32",
                // Cookies and headers need no jobs; keeps the test from mailing on its own.
                "--camunda.bpm.job-execution.enabled=false");
        baseUrl = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * Everything a browser opens. (The engine REST API's responses carry none; HSTS is a browser's rule for the
     * whole host, learned from the first page it opens.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/rapportera", "/arende", "/api/categories", "/actuator/health",
            "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/"})
    void everyPageSwitchesOnHsts(String path) throws Exception {
        HttpResponse<String> response = get(path, null);

        assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
                .hasValueSatisfying(hsts -> assertThat(hsts.replace(" ", ""))
                        .isEqualTo("max-age=31536000;includeSubDomains"));
    }

    @Test
    void ourFormsGetACsrfCookieThatIsSecureHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> form = get("/rapportera", null);

        assertThat(form.statusCode()).isEqualTo(200);
        Cookie csrf = cookie(form, "XSRF-TOKEN");
        assertThat(csrf.path()).isEqualTo("/");
        assertThat(csrf.secure()).as("Secure").isTrue();
        assertThat(csrf.httpOnly()).as("HttpOnly: only the form's hidden field carries the token").isTrue();
        // Lax, not Strict: a citizen following the status link in an e-mail must be able to post the form.
        assertThat(csrf.sameSite()).containsOnly("Lax");
    }

    @Test
    void webappLoginGetsANewSessionCookieThatIsSecureHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", null);
        Cookie anonymousSession = cookie(tasklist, "JSESSIONID");
        Cookie csrf = cookie(tasklist, "XSRF-TOKEN");

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + anonymousSession.value() + "; XSRF-TOKEN=" + csrf.value())
                .header("X-XSRF-TOKEN", csrf.value())
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Cookie session = cookie(login, "JSESSIONID");
        assertThat(session.value()).as("a new session id after login").isNotEqualTo(anonymousSession.value());
        for (Cookie sessionCookie : List.of(anonymousSession, session)) {
            assertThat(sessionCookie.secure()).as("Secure").isTrue();
            assertThat(sessionCookie.httpOnly()).as("HttpOnly").isTrue();
            assertThat(sessionCookie.sameSite()).containsOnly("Strict");
        }
        // Camunda's own CSRF cookie: Tasklist's script reads it, so it cannot be HttpOnly.
        assertThat(csrf.path()).isEqualTo("/camunda");
        assertThat(csrf.secure()).as("Secure").isTrue();
        assertThat(csrf.sameSite()).containsOnly("Strict");
    }

    /** One Set-Cookie header, its attributes by name (case-insensitive, as browsers read them). */
    record Cookie(String name, String value, List<String> attributes) {

        static Cookie parse(String header) {
            List<String> parts = Stream.of(header.split(";")).map(String::trim).filter(part -> !part.isEmpty())
                    .toList();
            String[] nameValue = parts.get(0).split("=", 2);
            return new Cookie(nameValue[0], nameValue.length > 1 ? nameValue[1] : "", parts.subList(1, parts.size()));
        }

        boolean secure() {
            return attributes.stream().anyMatch("Secure"::equalsIgnoreCase);
        }

        boolean httpOnly() {
            return attributes.stream().anyMatch("HttpOnly"::equalsIgnoreCase);
        }

        /** Every SameSite value sent (Camunda's filter appends its own to Tomcat's; they must agree). */
        List<String> sameSite() {
            return values("SameSite");
        }

        String path() {
            List<String> paths = values("Path");
            return paths.isEmpty() ? null : paths.get(paths.size() - 1);
        }

        private List<String> values(String attribute) {
            return attributes.stream().map(part -> part.split("=", 2))
                    .filter(pair -> pair.length == 2 && pair[0].trim().equalsIgnoreCase(attribute))
                    .map(pair -> pair[1].trim()).toList();
        }
    }

    private static Cookie cookie(HttpResponse<?> response, String name) {
        List<Cookie> cookies = response.headers().allValues("Set-Cookie").stream().map(Cookie::parse)
                .filter(cookie -> cookie.name().equals(name)).toList();
        assertThat(cookies).as("Set-Cookie %s on %s", name, response.uri()).hasSize(1);
        return cookies.get(0);
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
