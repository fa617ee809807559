package se.kommun.kvalitet.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kolada import of the made-up example file (src/test/resources/kolada), a malformed file refused with one error per
 * problem and nothing stored, the mapping of a KPI to our measure and the comparison in the statistics. The example
 * is for 2017, which no other test writes.
 */
@KvalitetIntegrationTest
class KoladaTest {

    static final String DEMO = "Demo-Kvalitet-2026!";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void removeTheImports() {
        jdbc.update("delete from app.kolada_value where kpi in ('N15428', 'U00001')");
        jdbc.update("delete from app.kolada_mapping where kpi in ('N15428', 'U00001')");
    }

    @Test
    void theExampleFileIsStoredAndAReimportReplacesItsValues() throws Exception {
        ResponseEntity<String> response = upload("per", resource("peers-example.json"));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(response.getBody());
        assertThat(report.get("values").asInt()).isEqualTo(8);
        assertThat(report.get("kpis").toString()).isEqualTo("[\"N15428\",\"U00001\"]");
        assertThat(report.get("municipalities").toString()).isEqualTo("[\"0000\",\"0138\",\"0180\",\"0999\"]");
        assertThat(jdbc.queryForObject("select value from app.kolada_value where kpi = 'N15428' and municipality = '0138'"
                + " and period = 2017 and gender = 'T'", Double.class)).isEqualTo(74.1);
        assertThat(jdbc.queryForObject("select count(*) from app.kolada_value where kpi = 'U00001' and gender = 'M'"
                + " and value is null", Integer.class)).isEqualTo(1);

        assertThat(upload("per", """
                {"values":[{"kpi":"N15428","municipality":"0138","period":2017,
                  "values":[{"gender":"T","count":1,"status":"","value":75.0}]}]}""".getBytes()).getStatusCode()
                .value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select value from app.kolada_value where kpi = 'N15428' and municipality = '0138'"
                + " and period = 2017 and gender = 'T'", Double.class)).isEqualTo(75.0);
        assertThat(jdbc.queryForObject("select count(*) from app.kolada_value where kpi in ('N15428', 'U00001')",
                Integer.class)).isEqualTo(8);
    }

    @Test
    void aMalformedFileIsRefusedWithOneErrorPerProblemAndNothingStored() throws Exception {
        ResponseEntity<String> response = upload("per", resource("malformed.json"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        json.readTree(response.getBody()).get("errors")
                .forEach(e -> errors.add(e.get("field").asText() + " " + e.get("rule").asText()));
        assertThat(errors).containsExactly("values[0].kpi kpi", "values[1].municipality peer",
                "values[1].period period", "values[1].values[0].gender gender", "values[1].values[0].value number",
                "values[2].values[1] duplicate");
        assertThat(jdbc.queryForObject("select count(*) from app.kolada_value where kpi in ('N15428', 'U00001')",
                Integer.class)).isZero();

        JsonNode notJson = json.readTree(upload("per", "{\"values\": [".getBytes()).getBody());
        assertThat(notJson.get("errors").get(0).get("rule").asText()).isEqualTo("json");
        JsonNode notKolada = json.readTree(upload("per", "{\"rows\": []}".getBytes()).getBody());
        assertThat(notKolada.get("errors").get(0).get("field").asText()).isEqualTo("values");
        assertThat(jdbc.queryForObject("select count(*) from app.kolada_value where kpi in ('N15428', 'U00001')",
                Integer.class)).isZero();
    }

    @Test
    void onlyProcessOwnersAndAdministratorsUploadAndMap() throws Exception {
        assertThat(upload("maria", resource("peers-example.json")).getStatusCode().value()).isEqualTo(403);
        assertThat(upload("anna", resource("peers-example.json")).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("maria", DEMO).exchange("/api/kolada/mappings/N15428", HttpMethod.PUT,
                jsonBody("{\"measure\":\"QUESTIONS_ANSWERED_WITHIN_2_WORKING_DAYS\",\"title\":\"E-post\"}"),
                String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("per", DEMO).getForEntity("/statistik/kolada", String.class).getBody())
                .contains("<h1>Kolada-jämförelse</h1>", "0138 Tyresö");
        assertThat(http.withBasicAuth("per", DEMO).getForEntity("/statistik/kolada?lang=en", String.class).getBody())
                .contains("<h1>Kolada comparison</h1>", "Upload a file in the JSON format of Kolada API v3",
                        "0138 Tyresö", "KPIs mapped to our measures");
    }

    @Test
    void aMappedKpiIsShownBesideOurOwnFigure() throws Exception {
        upload("per", resource("peers-example.json"));
        ResponseEntity<String> refused = http.withBasicAuth("per", DEMO).exchange("/api/kolada/mappings/N15428",
                HttpMethod.PUT, jsonBody("{\"measure\":\"NO_SUCH\",\"title\":\"\"}"), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("\"field\":\"measure\"", "\"field\":\"title\"");
        assertThat(http.withBasicAuth("per", DEMO).exchange("/api/kolada/mappings/N15428", HttpMethod.PUT,
                jsonBody("{\"measure\":\"QUESTIONS_ANSWERED_WITHIN_2_WORKING_DAYS\",\"title\":\"E-post inom 2 dagar\"}"),
                String.class).getStatusCode().value()).isEqualTo(200);

        JsonNode statistics = json.readTree(http.withBasicAuth("per", DEMO)
                .getForEntity("/api/statistics?from=2017-01-01&to=2017-12-31", String.class).getBody());
        assertThat(statistics.get("received").asLong()).isZero();
        JsonNode comparison = statistics.get("kolada").get(0);
        assertThat(comparison.get("kpi").asText()).isEqualTo("N15428");
        assertThat(comparison.get("period").asInt()).isEqualTo(2017);
        assertThat(comparison.get("own").isNull()).isTrue();
        List<String> peers = new ArrayList<>();
        comparison.get("kolada").forEach(p -> peers.add(p.get("municipality").asText() + " " + p.get("name").asText()
                + " " + p.get("own").asBoolean() + " " + p.get("value").asDouble()));
        assertThat(peers).containsExactly("0000 Riket false 70.5", "0138 Tyresö false 74.1",
                "0180 Stockholm false 66.0", "0999 Kommunen true 61.0");

        String page = http.withBasicAuth("per", DEMO).getForEntity("/statistik?from=2017-01-01&to=2017-12-31",
                String.class).getBody();
        assertThat(page).contains("Jämförelse med andra kommuner (Kolada)", "N15428 E-post inom 2 dagar",
                "Tyresö: 74,1");
        String english = http.withBasicAuth("per", DEMO)
                .getForEntity("/statistik?lang=en&from=2017-01-01&to=2017-12-31", String.class).getBody();
        assertThat(english).contains("Comparison with other municipalities (Kolada)", "Lead time, median (working days)",
                "Questions by e-mail answered within 2 working days (%) (KKiK)");

        assertThat(http.withBasicAuth("per", DEMO).exchange("/api/kolada/mappings/N15428", HttpMethod.DELETE, null,
                String.class).getStatusCode().value()).isEqualTo(204);
        assertThat(json.readTree(http.withBasicAuth("per", DEMO)
                .getForEntity("/api/statistics?from=2017-01-01&to=2017-12-31", String.class).getBody())
                .get("kolada").size()).isZero();
    }

    private ResponseEntity<String> upload(String user, byte[] content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "kolada.json";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, DEMO).postForEntity("/api/kolada/imports", new HttpEntity<>(body, headers),
                String.class);
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KoladaTest.class.getResourceAsStream("/kolada/" + name)) {
            return in.readAllBytes();
        }
    }
}
