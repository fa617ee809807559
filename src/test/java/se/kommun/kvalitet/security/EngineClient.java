package se.kommun.kvalitet.security;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the engine REST API as one user, the way Tasklist or a script would; cases come in through the intake API. */
final class EngineClient {

    static final String DEMO = "Demo-Kvalitet-2026!";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    EngineClient(TestRestTemplate http, String user, String password) {
        this.http = user == null ? http : http.withBasicAuth(user, password);
    }

    static EngineClient as(TestRestTemplate http, String user) {
        return new EngineClient(http, user, DEMO);
    }

    ResponseEntity<String> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    ResponseEntity<String> put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body);
    }

    ResponseEntity<String> get(String path) {
        return http.getForEntity(path, String.class);
    }

    ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return http.exchange(path, method, new HttpEntity<>(body == null ? null : JSON.writeValueAsString(body),
                    headers), String.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine REST variables shape: {"name": {"value": …}}. */
    static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", namesAndValues[i + 1]);
            variables.put((String) namesAndValues[i], value);
        }
        return variables;
    }

    /** What an officer types into the start form for a letter about a street. */
    static Map<String, Object> letterFormFields() {
        return variables("caseType", "COMPLAINT", "category", "STREETS_PARKS", "description",
                "Brev om en trasig parkbänk.", "channel", "LETTER", "language", "sv");
    }

    /** A case from the public intake; its task goes to the unit the category routes to. */
    static String submitCase(TestRestTemplate http, String category) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.postForEntity("/api/cases", new HttpEntity<>("""
                {"type":"COMPLAINT","category":"%s","description":"Ärende för skyddstestet.",
                 "contact":{"name":"Eva","email":"eva@example.se"},"language":"sv"}""".formatted(category), headers),
                String.class);
        try {
            JsonNode body = JSON.readTree(created.getBody());
            return body.get("reference").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(created.getBody(), e);
        }
    }
}
