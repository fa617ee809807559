package se.kommun.kvalitet.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser-facing hardening: headers on our pages and API, Camunda's own headers left alone, cookies. Failed logins:
 * LoginThrottleTest.
 */
@KvalitetIntegrationTest
class SecurityHeadersTest {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/rapportera", "/jamfor", "/api/categories", "/css/kvalitet.css",
            "/finns-inte", "/actuator/health"})
    void ourPagesAndApiCarryTheStrictHeaders(String path) {
        HttpHeaders headers = http.getForEntity(path, String.class).getHeaders();

        assertThat(headers.getFirst("Content-Security-Policy"))
                .isEqualTo(WebSecurityConfiguration.CONTENT_SECURITY_POLICY)
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        // Plain http in tests and the dev run: no HSTS (the prod profile switches it on: ProductionCookiesTest).
        assertThat(headers.getFirst("Strict-Transport-Security")).isNull();
    }

    @Test
    void statusPagesKeepNoReferrerSoTheTokenNeverLeaks() {
        assertThat(http.getForEntity("/arende", String.class).getHeaders().get("Referrer-Policy"))
                .containsExactly("no-referrer");
        ResponseEntity<String> response = http.getForEntity("/arende/SYN-2026-000001?token=wrong", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().get("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo(WebSecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    /**
     * The CSP forbids inline script and style, so our page templates must not contain any (mail is not a page);
     * a script loaded from our own origin ({@code src}) is what the CSP allows.
     */
    @Test
    void pageTemplatesHaveNoInlineScriptStyleOrEventHandlers() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\s(th:)?src=)|<style|\\sstyle=|\\sth:style=|\\son[a-z]+=|javascript:",
                Pattern.CASE_INSENSITIVE);
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            List<Path> pages = files.filter(file -> file.toString().endsWith(".html"))
                    .filter(file -> !templates.relativize(file).startsWith("mail")).toList();
            assertThat(pages).hasSizeGreaterThan(5);
            for (Path page : pages) {
                assertThat(inline.matcher(Files.readString(page)).find()).as(page.toString()).isFalse();
            }
        }
    }

    @Test
    void camundaTasklistStillLoadsWithItsOwnHeaders() {
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);

        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).contains("<html");
        // Camunda's policy (it needs nonces and inline styles), not ours.
        assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy"))
                .isNotEqualTo(WebSecurityConfiguration.CONTENT_SECURITY_POLICY)
                .contains("frame-ancestors 'none'", "object-src 'none'");
        assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
