package se.kommun.kvalitet.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals no controller answered: a problem for programs, a page in the reader's language for browsers. */
@KvalitetIntegrationTest
class ErrorResponsesTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    RateLimitFilter rateLimit;

    @Test
    void unknownPathIsAProblemForProgramsAndASwedishPageForBrowsers() throws Exception {
        ResponseEntity<String> anonymous = get("/api/no-such-thing", MediaType.APPLICATION_JSON);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();

        ResponseEntity<String> program = getAsOfficer("/api/no-such-thing/<b>", MediaType.APPLICATION_JSON);
        assertThat(program.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(program.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json.readTree(program.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asText()).isEqualTo("Hittades inte / not found");
        assertThat(problem.get("type").asText()).endsWith("/http-404");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/no-such-thing/%3Cb%3E");

        ResponseEntity<String> browser = getAsOfficer("/no-such-page", MediaType.TEXT_HTML);
        assertThat(browser.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(browser.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(browser.getBody()).contains("Sidan finns inte", "Felkod 404", "lang=\"sv\"");
    }

    @Test
    void unsupportedMediaTypeIsAProblem() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<String> refused = http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>("hej", headers),
                String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json.readTree(refused.getBody()).get("status").asInt()).isEqualTo(415);
    }

    @Test
    void aRateLimitedBrowserGetsAPageThatSaysToWait() {
        RateLimiter limiter = rateLimit.limiter();
        int perMinute = limiter.requestsPerMinute();
        int burst = limiter.burst();
        limiter.configure(1, 1);
        try {
            // The status lookup, as a citizen's browser asks for it.
            get("/arende", MediaType.TEXT_HTML);

            ResponseEntity<String> refused = get("/arende", MediaType.TEXT_HTML);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
            assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
            assertThat(refused.getBody()).contains("Vänta en minut", "Felkod 429");
        } finally {
            limiter.configure(perMinute, burst);
        }
    }

    private ResponseEntity<String> get(String path, MediaType accept) {
        return get(http, path, accept);
    }

    /** As a logged-in officer: anonymous requests to unknown paths are refused with 401 before any lookup. */
    private ResponseEntity<String> getAsOfficer(String path, MediaType accept) {
        return get(http.withBasicAuth("anna", "Demo-Kvalitet-2026!"), path, accept);
    }

    private static ResponseEntity<String> get(TestRestTemplate client, String path, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
