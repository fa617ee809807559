package se.kommun.kvalitet.web;

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

/**
 * The limiter on real requests. The shared test context runs with a high limit (other tests send 50 requests
 * at once from 127.0.0.1); this test lowers it on the bean for its own requests and restores it.
 */
@KvalitetIntegrationTest
class RateLimitTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RateLimitFilter filter;

    @Autowired
    ObjectMapper json;

    @Test
    void answers429WithRetryAfterAndAProblemOnceTheBurstIsUsed() throws Exception {
        RateLimiter limiter = filter.limiter();
        int perMinute = limiter.requestsPerMinute();
        int burst = limiter.burst();
        limiter.configure(1, 2);
        try {
            assertThat(http.getForEntity("/api/categories", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/arende/SYN-2026-000001?token=x", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);

            ResponseEntity<String> refused = http.getForEntity("/api/categories", String.class);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
            assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            JsonNode problem = json.readTree(refused.getBody());
            assertThat(problem.get("status").asInt()).isEqualTo(429);
            assertThat(problem.get("type").asText()).endsWith("/rate-limited");
            assertThat(problem.get("title").asText()).isEqualTo("För många förfrågningar");
            // Other pages and authenticated staff are not limited.
            assertThat(http.getForEntity("/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth("maria", "Demo-Kvalitet-2026!").getForEntity("/api/categories",
                    String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            // A client cannot escape by naming another address: no proxy is trusted here.
            HttpHeaders spoofed = new HttpHeaders();
            spoofed.set("X-Forwarded-For", "198.51.100.77");
            assertThat(http.exchange("/api/categories", HttpMethod.GET,
                    new HttpEntity<>(spoofed), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            // Open311 shares the address's bucket.
            assertThat(http.getForEntity("/open311/v2/services.json", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        } finally {
            limiter.configure(perMinute, burst);
        }
        assertThat(http.getForEntity("/api/categories", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anOpen311KeyHasItsOwnBucketOnTopOfTheAddress() {
        RateLimiter keys = filter.keyLimiter();
        int perMinute = keys.requestsPerMinute();
        int burst = keys.burst();
        keys.configure(1, 2);
        try {
            String path = "/open311/v2/services.json?api_key=";
            assertThat(http.getForEntity(path + "o311_appA", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity(path + "o311_appA", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

            ResponseEntity<String> refused = http.getForEntity(path + "o311_appA", String.class);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
            // Another app from the same address, and a read without a key, still pass.
            assertThat(http.getForEntity(path + "o311_appB", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/open311/v2/services.json", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            keys.configure(perMinute, burst);
        }
    }
}
