package se.kommun.kvalitet.open311;

import java.io.StringReader;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.cases.intake.BrowserForms;
import se.kommun.kvalitet.shared.ClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Open311 GeoReport v2 against the specification's field rules, each endpoint as JSON and as XML: discovery,
 * services, service definitions, posting and reading requests, every refusal, API keys and their revocation,
 * and that no GET ever shows the reporter's personal data.
 * <p>
 * The clock is pinned to Monday 4 May 2026, 10:00 in Stockholm: a street light has 5 working days
 * (5 6 7 8 11 May), so its expected_datetime is Monday 11 May at 16:00 (+02:00).
 */
@KvalitetIntegrationTest
class Open311ApiTest {

    static final ZonedDateTime RECEIVED = ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);
    static final String ADMIN_PASSWORD = "Lokal-Start-2026!";
    /** Each report at its own place, so the duplicate check links only where a test means it to. */
    static final AtomicInteger PLACES = new AtomicInteger();

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    SettableClock clock;

    String apiKey;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        clock.pin(RECEIVED);
        apiKey = createKey("FixaMinGata").get("apiKey").asText();
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    @Test
    void mustShowAFaultReportBecomesARoutedCaseReadsOpenAndClosedOnceAnswered() throws Exception {
        String email = "open311-" + PLACES.incrementAndGet() + "@example.se";
        MultiValueMap<String, String> form = report("STREET_LIGHT", "Lampan vid busshållplatsen är släckt.");
        form.add("email", email);
        form.add("first_name", "Greta");
        form.add("last_name", "Gatlykta");
        form.add("phone", "070-123 45 67");
        form.add("account_id", "fmg-4711");
        form.add("media_url", "https://fixamingata.example/photo/4711.jpeg");
        form.add("attribute[pole_number]", "UP-1234");

        ResponseEntity<String> posted = post("json", form);

        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(posted.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode created = json.readTree(posted.getBody());
        assertThat(created.isArray()).isTrue();
        String reference = created.get(0).get("service_request_id").asText();
        assertThat(reference).matches("FEL-\\d{4}-\\d{6}");
        assertThat(created.get(0).get("service_notice").asText()).contains(reference);
        assertThat(created.get(0).get("account_id").asText()).isEqualTo("fmg-4711");

        // A FEL case from the app, for the streets unit, acknowledged by mail.
        assertThat(jdbc.queryForMap("select channel, source_app, candidate_group, contact_email, description "
                + "from app.citizen_case where reference = ?", reference))
                .containsEntry("channel", "OPEN311").containsEntry("source_app", "FixaMinGata")
                .containsEntry("candidate_group", "streetsOfficers").containsEntry("contact_email", email)
                .hasEntrySatisfying("description", description -> assertThat((String) description)
                        .contains("Lampan vid busshållplatsen är släckt.", "Stolpens nummer (står på stolpen): UP-1234"));
        JsonNode forOfficer = json.readTree(http.withBasicAuth("anna", "Demo-Kvalitet-2026!")
                .getForEntity("/api/cases/" + reference, String.class).getBody());
        assertThat(forOfficer.get("sourceApp").asText()).isEqualTo("FixaMinGata");
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult();
        BpmnAwareTests.assertThat(pi).isWaitingAt("sendAcknowledgement", "investigate");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("streetsOfficers");
        execute(job("sendAcknowledgement", pi));
        assertThat(mailsTo(email)).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).contains(reference));

        JsonNode open = json.readTree(get("/open311/v2/requests/" + reference + ".json").getBody()).get(0);
        assertThat(open.get("service_request_id").asText()).isEqualTo(reference);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(open.get("status_notes").asText()).isEqualTo("Under handläggning.");
        assertThat(open.get("service_code").asText()).isEqualTo("STREET_LIGHT");
        assertThat(open.get("service_name").asText()).isEqualTo("Gatubelysning");
        assertThat(open.get("agency_responsible").asText()).isEqualTo("Gata och park");
        assertThat(open.get("requested_datetime").asText()).isEqualTo("2026-05-04T10:00:00+02:00");
        // The case's history is stamped by the wall clock, not the pinned one: only its form is known here.
        assertThat(java.time.OffsetDateTime.parse(open.get("updated_datetime").asText()))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse("2026-05-04T10:00:00+02:00"));
        assertThat(open.get("expected_datetime").asText()).isEqualTo("2026-05-11T16:00:00+02:00");
        assertThat(open.get("address").asText()).startsWith("Open311-gatan ");
        assertThat(open.get("lat").isNumber()).isTrue();
        assertThat(open.get("long").isNumber()).isTrue();
        assertThat(open.get("media_url").asText()).isEqualTo("https://fixamingata.example/photo/4711.jpeg");
        Document openXml = xml(get("/open311/v2/requests/" + reference + ".xml"));
        assertThat(text(openXml, "/service_requests/request/service_request_id")).isEqualTo(reference);
        assertThat(text(openXml, "/service_requests/request/status")).isEqualTo("open");
        assertThat(text(openXml, "/service_requests/request/expected_datetime")).isEqualTo("2026-05-11T16:00:00+02:00");
        assertThat(text(openXml, "/service_requests/request/long")).isEqualTo(open.get("long").asText());

        complete(task(pi), withVariables("findings", "Trasig ljuskälla. Internt: ring Greta.",
                "investigationOutcome", "continue"));
        complete(task(pi), withVariables("measures", "Ljuskällan bytt.", "rootCause", "NO_FAULT"));
        // Markup characters in the answer: the XML must escape them to parse at all.
        String answer = "Vi har bytt lampa & kupa (<LED>). Tack för att du hörde av dig!";
        complete(task(pi), withVariables("feedback", answer));
        execute(job("sendFeedback", pi));
        // Closed; the instance itself waits for the citizen's survey answer.
        BpmnAwareTests.assertThat(pi).hasPassed("closeCase");

        JsonNode closed = json.readTree(get("/open311/v2/requests/" + reference + ".json").getBody()).get(0);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asText()).isEqualTo(answer);
        Document closedXml = xml(get("/open311/v2/requests/" + reference + ".xml"));
        assertThat(text(closedXml, "/service_requests/request/status")).isEqualTo("closed");
        assertThat(text(closedXml, "/service_requests/request/status_notes"))
                .isEqualTo(answer);
        for (String body : List.of(open.toString(), closed.toString(), get("/open311/v2/requests/" + reference + ".xml")
                .getBody(), get("/open311/v2/requests.json?service_request_id=" + reference).getBody())) {
            assertThat(body).doesNotContain(email, "Greta", "Gatlykta", "070-123", "fmg-4711", "Lampan vid",
                    "Trasig ljuskälla", "Internt", "Ljuskällan bytt", "UP-1234");
        }
    }

    @Test
    void postAnswersXmlWhenAskedAndAnAppCanRetryWithItsIdempotencyKey() throws Exception {
        MultiValueMap<String, String> form = report("GRAFFITI", "Klotter på skolans vägg.");
        HttpHeaders headers = formHeaders();
        headers.set("Idempotency-Key", "fmg-retry-" + PLACES.get());

        ResponseEntity<String> first = http.exchange("/open311/v2/requests.xml", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        ResponseEntity<String> retried = http.exchange("/open311/v2/requests.xml", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
        String reference = text(xml(first), "/service_requests/request/service_request_id");
        assertThat(reference).matches("FEL-\\d{4}-\\d{6}");
        assertThat(text(xml(first), "/service_requests/request/service_notice")).contains(reference);
        assertThat(text(xml(retried), "/service_requests/request/service_request_id")).isEqualTo(reference);
        assertThat(jdbc.queryForObject("select count(*) from app.citizen_case where reference = ?", Long.class,
                reference)).isOne();
    }

    @Test
    void aSecondReportOfTheSameFaultIsLinkedAndReadsClosedWithTheOpenOnesReference() throws Exception {
        MultiValueMap<String, String> form = report("STREET_LIGHT", "Lampan är släckt.");
        String first = json.readTree(post("json", form).getBody()).get(0).get("service_request_id").asText();
        String second = json.readTree(post("json", form).getBody()).get(0).get("service_request_id").asText();

        JsonNode both = json.readTree(get("/open311/v2/requests.json?service_request_id=" + first + "," + second)
                .getBody());

        assertThat(both).hasSize(2);
        assertThat(both.findValuesAsText("service_request_id")).containsExactlyInAnyOrder(first, second);
        for (JsonNode request : both) {
            if (request.get("service_request_id").asText().equals(second)) {
                assertThat(request.get("status").asText()).isEqualTo("closed");
                assertThat(request.get("status_notes").asText()).contains(first);
            } else {
                assertThat(request.get("status").asText()).isEqualTo("open");
            }
        }
    }

    @Test
    void discoveryNamesTheEndpointFormatsAndContactInBothFormats() throws Exception {
        JsonNode discovery = json.readTree(get("/open311/v2/discovery.json").getBody());
        assertThat(discovery.get("contact").asText()).contains("kontaktcenter@kommun.example");
        assertThat(discovery.get("key_service").asText()).isNotBlank();
        assertThat(discovery.get("changeset").asText()).isEqualTo("2026-12-01T01:00:00+01:00");
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).isEqualTo("http://localhost:8080/open311/v2");
        assertThat(endpoint.get("type").asText()).isEqualTo("production");
        assertThat(endpoint.get("formats")).extracting(JsonNode::asText).containsExactly("text/xml", "application/json");

        Document xml = xml(get("/open311/v2/discovery.xml"));
        assertThat(text(xml, "/discovery/endpoints/endpoint/url")).isEqualTo("http://localhost:8080/open311/v2");
        assertThat(nodes(xml, "/discovery/endpoints/endpoint/formats/format").getLength()).isEqualTo(2);
    }

    @Test
    void servicesAreTheFaultReportCategoriesInSwedishOrEnglishInBothFormats() throws Exception {
        JsonNode services = json.readTree(get("/open311/v2/services.json").getBody());
        assertThat(services.findValuesAsText("service_code")).contains("STREET_LIGHT", "POTHOLE", "LITTER")
                .doesNotContain("ELDERLY_CARE", "SCHOOL");
        JsonNode streetLight = service(services, "STREET_LIGHT");
        assertThat(streetLight.get("service_name").asText()).isEqualTo("Gatubelysning");
        assertThat(streetLight.get("type").asText()).isEqualTo("realtime");
        assertThat(streetLight.get("metadata").asBoolean()).isTrue();
        assertThat(streetLight.get("group").asText()).isEqualTo("Felanmälan");
        assertThat(streetLight.get("keywords").asText()).isNotBlank();
        assertThat(streetLight.get("description").asText()).isNotBlank();
        assertThat(service(services, "LITTER").get("metadata").asBoolean()).isFalse();

        JsonNode english = json.readTree(get("/open311/v2/services.json?locale=en_US").getBody());
        assertThat(service(english, "STREET_LIGHT").get("service_name").asText()).isEqualTo("Street lighting");
        HttpHeaders acceptEnglish = new HttpHeaders();
        acceptEnglish.set(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8");
        Document xml = xml(http.exchange("/open311/v2/services.xml", HttpMethod.GET, new HttpEntity<>(acceptEnglish),
                String.class));
        assertThat(text(xml, "/services/service[service_code='STREET_LIGHT']/service_name")).isEqualTo("Street lighting");
        assertThat(text(xml, "/services/service[service_code='STREET_LIGHT']/type")).isEqualTo("realtime");
        assertThat(text(xml, "/services/service[service_code='LITTER']/metadata")).isEqualTo("false");
    }

    @Test
    void aServiceDefinitionListsItsQuestionsInBothFormats() throws Exception {
        JsonNode definition = json.readTree(get("/open311/v2/services/POTHOLE.json").getBody());
        assertThat(definition.get("service_code").asText()).isEqualTo("POTHOLE");
        JsonNode size = definition.get("attributes").get(0);
        assertThat(size.get("variable").asBoolean()).isTrue();
        assertThat(size.get("code").asText()).isEqualTo("size");
        assertThat(size.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(size.get("required").asBoolean()).isTrue();
        assertThat(size.get("order").asInt()).isEqualTo(1);
        assertThat(size.get("description").asText()).isEqualTo("Hur stort är hålet?");
        assertThat(size.get("values").findValuesAsText("key")).containsExactly("small", "medium", "large");

        Document xml = xml(get("/open311/v2/services/POTHOLE.xml?locale=en"));
        assertThat(text(xml, "/service_definition/attributes/attribute/datatype")).isEqualTo("singlevaluelist");
        assertThat(text(xml, "/service_definition/attributes/attribute/description")).isEqualTo("How big is the hole?");
        assertThat(nodes(xml, "/service_definition/attributes/attribute/values/value").getLength()).isEqualTo(3);
        assertThat(text(xml, "/service_definition/attributes/attribute/values/value[key='large']/name"))
                .isEqualTo("Larger than a car tyre");

        JsonNode none = json.readTree(get("/open311/v2/services/LITTER.json").getBody());
        assertThat(none.get("attributes")).isEmpty();
    }

    @Test
    void aRequiredQuestionMustBeAnsweredWithOneOfItsValues() throws Exception {
        MultiValueMap<String, String> unanswered = report("POTHOLE", "Hål i cykelbanan.");
        assertError(post("json", unanswered), 400, "size");
        MultiValueMap<String, String> wrong = report("POTHOLE", "Hål i cykelbanan.");
        wrong.add("attribute[size]", "enormous");
        assertError(post("json", wrong), 400, "size");

        MultiValueMap<String, String> answered = report("POTHOLE", "Hål i cykelbanan.");
        answered.add("attribute[size]", "large");
        String reference = json.readTree(post("json", answered).getBody()).get(0).get("service_request_id").asText();

        assertThat(jdbc.queryForObject("select description from app.citizen_case where reference = ?", String.class,
                reference)).isEqualTo("Hål i cykelbanan.\n\nSvar på frågor:\nHur stort är hålet?: Större än ett bildäck");
    }

    @Test
    void requestsAreListedByIdsCategoryStatusAndDatesNewestFirst() throws Exception {
        String light = json.readTree(post("json", report("STREET_LIGHT", "Släckt.")).getBody()).get(0)
                .get("service_request_id").asText();
        String litter = json.readTree(post("json", report("LITTER", "Skräp.")).getBody()).get(0)
                .get("service_request_id").asText();

        assertThat(json.readTree(get("/open311/v2/requests.json").getBody()).findValuesAsText("service_request_id"))
                .contains(light, litter);
        assertThat(json.readTree(get("/open311/v2/requests.json?service_code=LITTER&status=open").getBody())
                .findValuesAsText("service_request_id")).contains(litter).doesNotContain(light);
        assertThat(json.readTree(get("/open311/v2/requests.json?service_code=LITTER&status=closed").getBody())
                .findValuesAsText("service_request_id")).doesNotContain(litter);
        assertThat(json.readTree(get("/open311/v2/requests.json?start_date=2026-05-04T08:00:00Z"
                + "&end_date=2026-05-04T08:00:01Z").getBody()).findValuesAsText("service_request_id"))
                .contains(light, litter);
        assertThat(json.readTree(get("/open311/v2/requests.json?start_date=2026-05-04T08:00:01Z").getBody())
                .findValuesAsText("service_request_id")).doesNotContain(light, litter);
        List<String> newestFirst = json.readTree(get("/open311/v2/requests.json?service_request_id=" + light + ","
                + litter).getBody()).findValuesAsText("service_request_id");
        assertThat(newestFirst).containsExactly(litter, light);

        Document xml = xml(get("/open311/v2/requests.xml?service_request_id=" + litter));
        assertThat(nodes(xml, "/service_requests/request").getLength()).isOne();
        assertThat(text(xml, "/service_requests/request/service_code")).isEqualTo("LITTER");
    }

    @Test
    void aRevokedKeyIsRefused() throws Exception {
        JsonNode key = createKey("SeeClickFix");
        MultiValueMap<String, String> form = report("LITTER", "Skräp i parken.");
        form.set("api_key", key.get("apiKey").asText());
        assertThat(post("json", form).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> revoked = http.withBasicAuth("admin", ADMIN_PASSWORD).exchange(
                "/api/admin/open311-keys/" + key.get("id").asLong(), HttpMethod.DELETE, null, String.class);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertError(post("json", form), 403, "api_key");
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).exchange("/api/admin/open311-keys/"
                + key.get("id").asLong(), HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode listed = json.readTree(http.withBasicAuth("admin", ADMIN_PASSWORD)
                .getForEntity("/api/admin/open311-keys", String.class).getBody());
        assertThat(listed.toString()).doesNotContain(key.get("apiKey").asText());
        assertThat(listed).anySatisfy(entry -> {
            assertThat(entry.get("id").asLong()).isEqualTo(key.get("id").asLong());
            assertThat(entry.get("name").asText()).isEqualTo("SeeClickFix");
            assertThat(entry.get("revokedBy").asText()).isEqualTo("admin");
        });
        assertThat(jdbc.queryForObject("select key_hash from app.open311_api_key where id = ?", String.class,
                key.get("id").asLong())).hasSize(64).isNotEqualTo(key.get("apiKey").asText());
    }

    @Test
    void administratorsCreateAndRevokeKeysOnTheirPage() {
        TestRestTemplate admin = http.withBasicAuth("admin", ADMIN_PASSWORD);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("name", "Mark-a-Spot");

        ResponseEntity<String> created = BrowserForms.post(admin, "/admin/open311-nycklar", "/admin/open311-nycklar",
                fields);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(created.getHeaders().getCacheControl()).contains("no-store");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("<code>(o311_[A-Za-z0-9_-]+)</code>")
                .matcher(created.getBody());
        assertThat(shown.find()).isTrue();
        String key = shown.group(1);
        MultiValueMap<String, String> form = report("LITTER", "Skräp vid stranden.");
        form.set("api_key", key);
        assertThat(post("json", form).getStatusCode()).isEqualTo(HttpStatus.OK);
        String page = admin.getForEntity("/admin/open311-nycklar", String.class).getBody();
        assertThat(page).contains("Mark-a-Spot").doesNotContain(key);

        long id = jdbc.queryForObject("select max(id) from app.open311_api_key where name = 'Mark-a-Spot'", Long.class);
        ResponseEntity<String> revoked = BrowserForms.post(admin, "/admin/open311-nycklar",
                "/admin/open311-nycklar/" + id + "/aterkalla", new LinkedMultiValueMap<>());

        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertError(post("json", withKey(report("LITTER", "Skräp igen."), key)), 403, "api_key");
        assertThat(admin.getForEntity("/admin/open311-nycklar", String.class).getBody()).contains("Återkallad");
        assertThat(http.withBasicAuth("per", "Demo-Kvalitet-2026!").getForEntity("/admin/open311-nycklar",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aKeyNeedsAName() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity("/api/admin/open311-keys",
                new HttpEntity<>("{\"name\":\"  \"}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    static Stream<Arguments> refusedReports() {
        return Stream.of(
                arguments("no api_key", remove("api_key"), 403, "api_key"),
                arguments("unknown api_key", set("api_key", "o311_okand"), 403, "api_key"),
                arguments("no service_code", remove("service_code"), 400, "service_code"),
                arguments("unknown service_code", set("service_code", "UFO"), 404, "UFO"),
                arguments("a feedback category", set("service_code", "ELDERLY_CARE"), 404, "ELDERLY_CARE"),
                arguments("unknown jurisdiction", set("jurisdiction_id", "annan.example"), 404, "annan.example"),
                arguments("no location", remove("lat", "long", "address_string"), 400, "lat/long/address_string"),
                arguments("lat without long", remove("long", "address_string"), 400, "lat"),
                arguments("lat not a number", set("lat", "norr"), 400, "lat"),
                arguments("lat out of range", set("lat", "91"), 400, "lat"),
                arguments("no description", remove("description"), 400, "description"),
                arguments("description too long", set("description", "x".repeat(4001)), 400, "4000"),
                arguments("invalid e-mail", set("email", "greta(at)example"), 400, "email"),
                arguments("invalid phone", set("phone", "ring mig"), 400, "phone"),
                arguments("media_url not http", set("media_url", "javascript:alert(1)"), 400, "media_url"),
                arguments("control characters", set("description", "Trasig\u0000lampa"), 400, "description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedReports")
    void refusesABadReportWithTheSpecificationsErrorsInBothFormatsAndStoresNothing(String name,
            java.util.function.Consumer<MultiValueMap<String, String>> change, int status, String mentioned)
            throws Exception {
        long before = caseCount();
        for (String format : List.of("json", "xml")) {
            MultiValueMap<String, String> form = report("STREET_LIGHT", "Lampan är släckt.");
            change.accept(form);
            ResponseEntity<String> response = post(format, form);
            if (format.equals("json")) {
                assertError(response, status, mentioned);
            } else {
                assertXmlError(response, status, mentioned);
            }
        }
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void refusesAReportThatIsNotAForm() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange("/open311/v2/requests.json?api_key=" + apiKey, HttpMethod.POST,
                new HttpEntity<>("{\"service_code\":\"LITTER\"}", headers), String.class);
        assertError(response, 400, "x-www-form-urlencoded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/open311/v2/requests/FEL-1999-000001", "/open311/v2/services/UFO",
            "/open311/v2/services?jurisdiction_id=annan.example", "/open311/v2/requests/FEL-1999-000001?locale=en"})
    void unknownThingsAre404InBothFormats(String path) throws Exception {
        String[] parts = path.split("\\?", 2);
        String query = parts.length == 2 ? "?" + parts[1] : "";
        assertError(get(parts[0] + ".json" + query), 404, null);
        assertXmlError(get(parts[0] + ".xml" + query), 404, null);
    }

    @Test
    void anUnknownFormatIs404() {
        assertError(get("/open311/v2/services.yaml"), 404, "json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"start_date=gestern", "end_date=2026-05-04", "status=pending",
            "start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z",
            "start_date=2026-05-04T00:00:00Z&end_date=2026-05-03T00:00:00Z"})
    void refusesBadQueriesInBothFormats(String query) throws Exception {
        assertError(get("/open311/v2/requests.json?" + query), 400, null);
        assertXmlError(get("/open311/v2/requests.xml?" + query), 400, null);
    }

    @Test
    void englishErrorsByLocale() {
        MultiValueMap<String, String> form = report("STREET_LIGHT", "Lamp out.");
        form.remove("api_key");
        form.add("locale", "en");
        assertError(post("json", form), 403, "api_key is missing");
    }

    private JsonNode createKey(String name) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity(
                "/api/admin/open311-keys", new HttpEntity<>(json.writeValueAsString(java.util.Map.of("name", name)),
                        headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode key = json.readTree(created.getBody());
        assertThat(key.get("apiKey").asText()).startsWith("o311_").hasSizeGreaterThan(40);
        return key;
    }

    private MultiValueMap<String, String> report(String serviceCode, String description) {
        int place = PLACES.incrementAndGet();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", apiKey);
        form.add("jurisdiction_id", "kommun.example");
        form.add("service_code", serviceCode);
        form.add("lat", String.valueOf(66.0 + place * 0.01));
        form.add("long", "20.15");
        form.add("address_string", "Open311-gatan " + place);
        form.add("description", description);
        return form;
    }

    private static MultiValueMap<String, String> withKey(MultiValueMap<String, String> form, String key) {
        form.set("api_key", key);
        return form;
    }

    private static java.util.function.Consumer<MultiValueMap<String, String>> remove(String... names) {
        return form -> Arrays.stream(names).forEach(form::remove);
    }

    private static java.util.function.Consumer<MultiValueMap<String, String>> set(String name, String value) {
        return form -> form.set(name, value);
    }

    private ResponseEntity<String> post(String format, MultiValueMap<String, String> form) {
        return http.exchange("/open311/v2/requests." + format, HttpMethod.POST, new HttpEntity<>(form, formHeaders()),
                String.class);
    }

    private static HttpHeaders formHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, java.nio.charset.StandardCharsets.UTF_8));
        return headers;
    }

    private ResponseEntity<String> get(String path) {
        return http.getForEntity(path, String.class);
    }

    private void assertError(ResponseEntity<String> response, int status, String mentioned) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        try {
            JsonNode errors = json.readTree(response.getBody());
            assertThat(errors.isArray()).isTrue();
            assertThat(errors).isNotEmpty().allSatisfy(error -> {
                assertThat(error.get("code").asInt()).isEqualTo(status);
                assertThat(error.get("description").asText()).isNotBlank();
            });
            if (mentioned != null) {
                assertThat(errors.findValuesAsText("description")).anySatisfy(description ->
                        assertThat(description).contains(mentioned));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private void assertXmlError(ResponseEntity<String> response, int status, String mentioned) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
        Document xml = xml(response);
        assertThat(nodes(xml, "/errors/error").getLength()).isPositive();
        assertThat(text(xml, "/errors/error[1]/code")).isEqualTo(String.valueOf(status));
        if (mentioned != null) {
            assertThat(xml.getDocumentElement().getTextContent()).contains(mentioned);
        }
    }

    private static JsonNode service(JsonNode services, String code) {
        for (JsonNode service : services) {
            if (service.get("service_code").asText().equals(code)) {
                return service;
            }
        }
        throw new AssertionError("no service " + code + " in " + services);
    }

    private long caseCount() {
        return jdbc.queryForObject("select count(*) from app.citizen_case", Long.class);
    }

    private List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(mailCatcher.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().contains(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Parsed as any client should: no DTD, so no external entities. */
    static Document xml(ResponseEntity<String> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.getBody())));
    }

    static String text(Document xml, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, xml);
    }

    static NodeList nodes(Document xml, String path) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
    }
}
