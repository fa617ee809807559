package se.kommun.kvalitet.cases.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.cases.attachments.CaseAttachmentTest;
import se.kommun.kvalitet.cases.status.StatusTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hostile and broken input against every public entrance and the officer API. Refused input: a 4xx (a JSON
 * problem on the API; on the HTML forms the designed refusal is the page again with its error summary),
 * never a 5xx, no stack trace or SQL, the typed markup only ever escaped, and no case or process created.
 * Accepted hostile text: stored verbatim, once, shown escaped, data in JSON, escaped in the e-mail.
 * Hostile uploads (names, types, sizes) have their own table in {@link CaseAttachmentTest}.
 */
@KvalitetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final String XSS = "<script>alert(1)</script>";
    static final String XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String SQL = "' OR 1=1 --";
    static final String VALID = """
            {"type":"COMPLAINT","category":"ELDERLY_CARE","description":"Hemtjänsten kom för sent.",
             "contact":{"name":"Eva","email":"eva@example.se","phone":"018-12 34 56"},"language":"sv"}""";

    /** How a refusal looks: a problem document, an HTML error status, or the form page with its error summary. */
    enum Refusal { PROBLEM, HTML_STATUS, FORM_ERRORS }

    record Ctx(String reference, String token) {
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    StatusTokens tokens;

    @Autowired
    ObjectMapper json;

    @Autowired
    GreenMail mailCatcher;

    Ctx ctx;

    /** One open case for the status page rows; inside a test because the coverage recorder needs one. */
    @BeforeEach
    void openCase() throws Exception {
        if (ctx == null) {
            String reference = json.readTree(postJson(http, VALID, null).getBody()).get("reference").asText();
            ctx = new Ctx(reference, tokens.tokenFor(reference));
        }
    }

    static Stream<Arguments> refusedInput() {
        List<Arguments> rows = new ArrayList<>();
        // --- POST /api/cases (JSON) -----------------------------------------------------------------------
        for (String hostile : List.of(XSS, SQL, "\"><img src=x onerror=alert(1)>", "${7*7}", "{{7*7}}")) {
            rows.add(api("type = " + hostile, VALID.replace("\"COMPLAINT\"", quote(hostile)), 400));
            rows.add(api("category = " + hostile, VALID.replace("\"ELDERLY_CARE\"", quote(hostile)), 400));
            rows.add(api("e-mail = " + hostile, VALID.replace("\"eva@example.se\"", quote(hostile + "@x")), 400));
            rows.add(api("phone = " + hostile, VALID.replace("\"018-12 34 56\"", quote(hostile)), 400));
            rows.add(api("language = " + hostile, VALID.replace("\"sv\"", quote(hostile)), 400));
        }
        rows.add(api("description of markup, too long", VALID.replace("Hemtjänsten kom för sent.",
                XSS.repeat(201)), 400));
        rows.add(api("name of 201 characters", VALID.replace("\"Eva\"", quote("<b>" + "x".repeat(198))), 400));
        rows.add(api("address of 301 characters", """
                {"type":"FAULT_REPORT","category":"POTHOLE","description":"Hål.","location":{"address":"%s"}}"""
                .formatted("<i>" + "x".repeat(298)), 400));
        rows.add(api("e-mail of 260 characters", VALID.replace("eva@example.se", "a".repeat(250) + "@x.se"), 400));
        rows.add(api("e-mail with CRLF header injection", VALID.replace("eva@example.se",
                "eva@example.se\\r\\nBcc: all@example.se"), 400));
        rows.add(api("NUL in the description", VALID.replace("kom för sent", "kom\\u0000 för sent"), 400));
        rows.add(api("NUL in the name", VALID.replace("\"Eva\"", "\"Ev\\u0000a\""), 400));
        rows.add(api("unknown enum value", VALID.replace("COMPLAINT", "DELETE_ALL"), 400));
        rows.add(api("enum in lower case", VALID.replace("COMPLAINT", "complaint"), 400));
        rows.add(api("enum as number", VALID.replace("\"COMPLAINT\"", "0"), 400));
        rows.add(api("description as object", VALID.replace("\"Hemtjänsten kom för sent.\"", "{\"$ne\":null}"), 400));
        rows.add(api("description as array", VALID.replace("\"Hemtjänsten kom för sent.\"", "[\"a\"]"), 400));
        rows.add(api("10,000 nested arrays", VALID.replace("\"Hemtjänsten kom för sent.\"", "[".repeat(10_000)), 400));
        rows.add(api("10,000 nested objects", "{\"a\":".repeat(10_000), 400));
        rows.add(api("latitude 1e400", """
                {"type":"FAULT_REPORT","category":"POTHOLE","description":"Hål.",
                 "location":{"latitude":1e400,"longitude":17.6}}""", 400));
        rows.add(api("latitude as the string NaN", """
                {"type":"FAULT_REPORT","category":"POTHOLE","description":"Hål.",
                 "location":{"latitude":"NaN","longitude":17.6}}""", 400));
        rows.add(api("receivedAt back-dated by the public", VALID.replace("\"language\":\"sv\"",
                "\"language\":\"sv\",\"receivedAt\":\"2020-01-01T00:00:00Z\""), 400));
        rows.add(api("trailing garbage after the object", VALID + " " + XSS, 400));
        rows.add(api("JSON array instead of an object", "[" + VALID + "]", 400));
        rows.add(api("JSON null", "null", 400));
        rows.add(api("empty body", "", 400));
        rows.add(api("truncated JSON", VALID.substring(0, 40), 400));
        rows.add(arguments("API: invalid UTF-8 bytes", Refusal.PROBLEM, 400, (Function<HostileInputTest, ResponseEntity<String>>)
                test -> test.postBytes(invalidUtf8(), MediaType.APPLICATION_JSON)));
        rows.add(arguments("API: 10 MB body", Refusal.PROBLEM, 413, (Function<HostileInputTest, ResponseEntity<String>>)
                test -> test.postBytes(VALID.replace("för sent", "x".repeat(10 * 1024 * 1024))
                        .getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)));
        rows.add(arguments("API: multipart without a boundary", Refusal.PROBLEM, 400,
                (Function<HostileInputTest, ResponseEntity<String>>)
                        test -> test.postBytes(VALID.getBytes(StandardCharsets.UTF_8), MediaType.MULTIPART_FORM_DATA)));
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.TEXT_HTML,
                MediaType.APPLICATION_FORM_URLENCODED)) {
            rows.add(arguments("API: content type " + type, Refusal.PROBLEM, 415,
                    (Function<HostileInputTest, ResponseEntity<String>>)
                            test -> test.postBytes(VALID.getBytes(StandardCharsets.UTF_8), type)));
        }
        rows.add(arguments("API: Idempotency-Key of 201 characters", Refusal.PROBLEM, 400,
                (Function<HostileInputTest, ResponseEntity<String>>) test -> postJson(test.http, VALID, "k".repeat(201))));
        rows.add(arguments("API: blank Idempotency-Key", Refusal.PROBLEM, 400,
                (Function<HostileInputTest, ResponseEntity<String>>) test -> postJson(test.http, VALID, "   ")));

        // --- GET /api/cases/{ref} (officer) -----------------------------------------------------------
        for (String reference : List.of("SYN-1999-000001", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "%27%20OR%201%3D1%20--", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "SYN-2026-000001%00", "x".repeat(3000),
                "SYN-2026-000001;jsessionid=1")) {
            // Markup, encoded slashes and NUL never reach the API: Spring Security's firewall answers 400 first.
            Refusal refusal = reference.contains("%3C") || reference.contains("%2F") || reference.contains("%00")
                    ? Refusal.HTML_STATUS : Refusal.PROBLEM;
            rows.add(arguments("officer API: reference " + abbreviate(reference), refusal, -4,
                    (Function<HostileInputTest, ResponseEntity<String>>) test -> test.http
                            .withBasicAuth("bjorn", "Demo-Kvalitet-2026!")
                            .getForEntity(test.uri("/api/cases/" + reference), String.class)));
        }

        // --- GET /arende/{ref}?token= (status page) ----------------------------------------------------
        rows.add(status("wrong token", ctx -> "/arende/" + ctx.reference() + "?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 404));
        rows.add(status("no token", ctx -> "/arende/" + ctx.reference(), 404));
        rows.add(status("empty token", ctx -> "/arende/" + ctx.reference() + "?token=", 404));
        rows.add(status("markup as token", ctx -> "/arende/" + ctx.reference() + "?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404));
        rows.add(status("SQL as token", ctx -> "/arende/" + ctx.reference() + "?token=%27%20OR%201%3D1%20--", 404));
        rows.add(status("token of 10,000 characters", ctx -> "/arende/" + ctx.reference() + "?token=" + "A".repeat(10_000), -4));
        rows.add(status("token of another case", ctx -> "/arende/SYN-1999-000001?token=" + ctx.token(), 404));
        rows.add(status("right token, reference in lower case", ctx -> "/arende/" + ctx.reference().toLowerCase()
                + "?token=" + ctx.token(), 404));
        rows.add(status("path traversal %2F", ctx -> "/arende/..%2F..%2Fetc%2Fpasswd?token=" + ctx.token(), -4));
        rows.add(status("path traversal %2e%2e", ctx -> "/arende/%2e%2e/%2e%2e/etc/passwd", -4));
        rows.add(status("backslash traversal", ctx -> "/arende/..%5C..%5Cwindows%5Cwin.ini", -4));
        rows.add(status("encoded NUL in reference", ctx -> "/arende/" + ctx.reference() + "%00?token=" + ctx.token(), -4));
        rows.add(status("markup as reference", ctx -> "/arende/%3Cscript%3Ealert(1)%3C%2Fscript%3E?token=x", -4));

        // --- POST /arende/{ref}/komplettering (form with CSRF) -----------------------------------------
        rows.add(supplement("wrong token", ctx -> "AAAA", "Mer information.", Refusal.HTML_STATUS, 404));
        rows.add(supplement("markup, over-long", HostileInputTest.Ctx::token, XSS + "x".repeat(5000), Refusal.FORM_ERRORS, 200));
        rows.add(supplement("only blanks", HostileInputTest.Ctx::token, " \t\n ", Refusal.FORM_ERRORS, 200));
        rows.add(supplement("NUL in the text", HostileInputTest.Ctx::token, "Mer\u0000 info", Refusal.FORM_ERRORS, 200));
        rows.add(arguments("supplement: no CSRF token", Refusal.HTML_STATUS, 403,
                (Function<HostileInputTest, ResponseEntity<String>>) test -> test.formWithoutCsrf(
                        "/arende/" + test.ctx.reference() + "/komplettering?token=" + test.ctx.token(),
                        fields("information", XSS))));

        // --- POST /rapportera (form with CSRF) ---------------------------------------------------------
        rows.add(form("markup in e-mail", fields("type", "COMPLAINT", "category", "OTHER", "description", "Text",
                "contact.email", XSS), Refusal.FORM_ERRORS, 200));
        rows.add(form("markup in description, over-long", fields("type", "COMPLAINT", "category", "OTHER",
                "description", XSS + "x".repeat(5000)), Refusal.FORM_ERRORS, 200));
        rows.add(form("markup as category", fields("type", "COMPLAINT", "category", XSS, "description", "Text"),
                Refusal.FORM_ERRORS, 200));
        rows.add(form("markup as type", fields("type", XSS, "category", "OTHER", "description", XSS),
                Refusal.FORM_ERRORS, 200));
        rows.add(form("markup in phone", fields("type", "COMPLAINT", "category", "OTHER", "description", "Text",
                "contact.phone", XSS), Refusal.FORM_ERRORS, 200));
        rows.add(form("NUL in description", fields("type", "COMPLAINT", "category", "OTHER", "description",
                "Trasig\u0000 lampa"), Refusal.FORM_ERRORS, 200));
        rows.add(form("SQL in category", fields("type", "COMPLAINT", "category", SQL, "description", XSS),
                Refusal.FORM_ERRORS, 200));
        rows.add(form("markup as latitude", fields("type", "FAULT_REPORT", "category", "POTHOLE", "description",
                "Hål", "location.latitude", XSS, "location.longitude", "17.6"), Refusal.FORM_ERRORS, 200));
        rows.add(form("markup as language", fields("type", "COMPLAINT", "category", "OTHER", "description", XSS,
                "language", XSS), Refusal.FORM_ERRORS, 200));
        rows.add(arguments("form: no CSRF token", Refusal.HTML_STATUS, 403,
                (Function<HostileInputTest, ResponseEntity<String>>) test -> test.formWithoutCsrf("/rapportera",
                        fields("type", "COMPLAINT", "category", "OTHER", "description", XSS))));
        rows.add(arguments("form: body over 64 KB", Refusal.HTML_STATUS, 413,
                (Function<HostileInputTest, ResponseEntity<String>>) test -> BrowserForms.post(test.http, "/rapportera",
                        "/rapportera", fields("type", "COMPLAINT", "category", "OTHER", "description", "x".repeat(70_000)))));
        return rows.stream();
    }

    /**
     * @param expected an exact status, or -4 for "any 4xx" (the firewall's 400 and the controller's 404 are
     *                 both right for a reference that cannot exist)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInput")
    void refusedInputIsA4xxThatStoresNothingAndEchoesNoMarkup(String name, Refusal refusal, int expected,
            Function<HostileInputTest, ResponseEntity<String>> request) throws Exception {
        Map<String, Long> storedBefore = stored();

        ResponseEntity<String> response = request.apply(this);

        int status = response.getStatusCode().value();
        if (expected == -4) {
            assertThat(status).as(name).isBetween(400, 499);
        } else {
            assertThat(status).as(name).isEqualTo(expected);
        }
        String body = String.valueOf(response.getBody());
        assertThat(body).doesNotContain("<script>alert(", "onerror=alert", "\tat ", "at org.", "at java.",
                "SQLException", "SQLState", "syntax error at or near", "Caused by");
        switch (refusal) {
            case PROBLEM -> {
                // Also the refusals raised before a controller is chosen (415, unmapped 404), via the error path.
                assertThat(response.getHeaders().getContentType()).as(name).isNotNull();
                assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .as(name + ": " + response.getHeaders().getContentType()).isTrue();
                JsonNode problem = json.readTree(body);
                assertThat(problem.get("status").asInt()).isEqualTo(status);
            }
            case FORM_ERRORS -> assertThat(body).contains("class=\"error-summary\"");
            case HTML_STATUS -> assertThat(status).isBetween(400, 499);
        }
        if (body.contains("alert(1)")) {
            assertThat(body).as("typed markup comes back escaped").contains("&lt;script&gt;alert(1)");
        }
        assertThat(stored()).as(name + ": nothing stored").isEqualTo(storedBefore);
    }

    static Stream<Arguments> acceptedHostileText() {
        return Stream.of(
                arguments("script tag", XSS, XSS_ESCAPED),
                arguments("attribute breakout", "\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
                arguments("SQL meta-characters", SQL + "; DROP TABLE app.citizen_case; --",
                        "&#39; OR 1=1 --; DROP TABLE app.citizen_case; --"),
                arguments("template expression", "${T(java.lang.Runtime).getRuntime()} [[${7*7}]]",
                        "${T(java.lang.Runtime).getRuntime()} [[${7*7}]]"));
    }

    /** Free text may contain anything: it is stored as typed and escaped wherever it is shown. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedHostileText")
    void acceptedHostileTextIsStoredVerbatimAndShownEscaped(String name, String text, String escaped) throws Exception {
        String email = "hostile" + Math.abs(text.hashCode()) + "@example.se";
        String body = json.writeValueAsString(json.createObjectNode().put("type", "COMPLAINT")
                .put("category", "ELDERLY_CARE").put("description", text).put("language", "sv")
                .set("contact", json.createObjectNode().put("name", text).put("email", email)));

        long casesBefore = caseCount();

        ResponseEntity<String> created = postJson(http, body, null);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String reference = json.readTree(created.getBody()).get("reference").asText();
        assertThat(jdbc.queryForObject("select description from app.citizen_case where reference = ?", String.class,
                reference)).isEqualTo(text);
        assertThat(caseCount()).as("exactly one case stored").isEqualTo(casesBefore + 1);
        // Officer JSON: data, exactly as typed.
        JsonNode details = json.readTree(http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!")
                .getForObject("/api/cases/" + reference, String.class));
        assertThat(details.get("description").asText()).isEqualTo(text);
        // Status page: shows no citizen text at all (privacy), and certainly no markup.
        String page = http.getForObject("/arende/" + reference + "?token=" + tokens.tokenFor(reference), String.class);
        assertThat(page).contains(reference).doesNotContain("<script>alert(", "<img src=x");
        // Acknowledgement e-mail: what the citizen wrote comes back escaped, and templates are not evaluated.
        String pid = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        for (Job job : managementService.createJobQuery().processInstanceId(pid).list()) {
            managementService.executeJob(job.getId());
        }
        MimeMessage mail = Stream.of(mailCatcher.getReceivedMessages())
                .filter(message -> recipient(message).equals(email)).findFirst().orElseThrow();
        String html = htmlPart(mail);
        assertThat(html).doesNotContain("<script>alert(", "<img src=x");
        assertThat(html).contains(escaped);
    }

    // --- rows ---------------------------------------------------------------------------------------------

    private static Arguments api(String name, String body, int status) {
        return arguments("API: " + name, Refusal.PROBLEM, status,
                (Function<HostileInputTest, ResponseEntity<String>>) test -> postJson(test.http, body, null));
    }

    private static Arguments status(String name, Function<Ctx, String> url, int status) {
        return arguments("status page: " + name, Refusal.HTML_STATUS, status,
                (Function<HostileInputTest, ResponseEntity<String>>) test -> test.http
                        .getForEntity(test.uri(url.apply(test.ctx)), String.class));
    }

    private static Arguments supplement(String name, Function<Ctx, String> token, String information,
            Refusal refusal, int status) {
        return arguments("supplement: " + name, refusal, status, (Function<HostileInputTest, ResponseEntity<String>>)
                test -> BrowserForms.post(test.http, "/arende/" + test.ctx.reference() + "?token=" + test.ctx.token(),
                        "/arende/" + test.ctx.reference() + "/komplettering?token=" + token.apply(test.ctx),
                        fields("information", information)));
    }

    private static Arguments form(String name, MultiValueMap<String, String> fields, Refusal refusal, int status) {
        return arguments("form: " + name, refusal, status, (Function<HostileInputTest, ResponseEntity<String>>)
                test -> BrowserForms.post(test.http, "/rapportera", "/rapportera", fields));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    static ResponseEntity<String> postJson(TestRestTemplate http, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> postBytes(byte[] body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> formWithoutCsrf(String action, MultiValueMap<String, String> fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity(uri(action), new HttpEntity<>(fields, headers), String.class);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(http.getRootUri() + pathAndQuery);
    }

    private long caseCount() {
        return jdbc.queryForObject("select count(*) from app.citizen_case", Long.class);
    }

    /** Row counts of everything a request could store: cases, their history and files, mail, processes. */
    private Map<String, Long> stored() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("citizen_case", "case_event", "case_attachment", "sent_mail")) {
            counts.put(table, jdbc.queryForObject("select count(*) from app." + table, Long.class));
        }
        counts.put("process instances", runtimeService.createProcessInstanceQuery().count());
        counts.put("jobs", managementService.createJobQuery().count());
        return counts;
    }

    private static MultiValueMap<String, String> fields(String... namesAndValues) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\\\"") + "\"";
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
    }

    private static byte[] invalidUtf8() {
        byte[] prefix = "{\"type\":\"COMPLAINT\",\"category\":\"ELDERLY_CARE\",\"description\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(bad, 0, all, prefix.length, bad.length);
        System.arraycopy(suffix, 0, all, prefix.length + bad.length, suffix.length);
        return all;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String htmlPart(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = htmlPart(multipart.getBodyPart(i));
                if (!html.isEmpty()) {
                    return html;
                }
            }
        }
        return "";
    }
}
