package se.kommun.kvalitet.qualitypayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.localrun.MailText;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * processes/quality-payment-period.bpmn through the API, a path per test. Each test has its own year, so the
 * period's providers are its own two contracts (home care, Vård- och omsorgsnämnden) and the in-house unit of the
 * settings: three providers. The clock is pinned after the tertial.
 */
@KvalitetIntegrationTest
class QualityPaymentPeriodTest {

    static final String DEMO = "Demo-Kvalitet-2026!";
    static final String IN_HOUSE = "Hemtjänsten i egen regi";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    SettableClock clock;

    String alfa;
    String beta;
    String suffix;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        mailCatcher.purgeEmailFromAllMailboxes();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    /**
     * Hand calculation. Alfa: continuity 12 (≤ 12), hourly 15 % (≤ 15), nurses 50 % (≥ 50): all three, level 2,
     * 23 kr × 1 000 h = 23 000,00 kr. Beta: 11, 30 %, 61 %: criteria 1 and 3, level 1, 10 kr × 812,5 h =
     * 8 125,00 kr. In-house: 13 (criterion 1 missed), 5 %, 80 %: level 0, 0,00 kr.
     */
    @Test
    void completeResultsAreComputedReviewedApprovedAndMailedToEachProvider() throws Exception {
        String period = year(2031);
        ProcessInstance pi = started(period);
        assertThat(pi).isWaitingAt("awaitResults");

        ResponseEntity<String> early = computation(period);
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(early.getBody()).get("missing").toString()).contains(alfa, IN_HOUSE, "CONTINUITY");

        ResponseEntity<String> imported = importCsv(csv(period, "50") + "Omsorg Alfa " + suffix + " AB;" + alfa + ";"
                + period + ";PUNCTUALITY;3;1000;Test\n");
        JsonNode report = json.readTree(imported.getBody());
        assertThat(report.get("stored").asInt()).as(imported.getBody()).isEqualTo(9);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        assertThat(report.at("/rows/9/errors/0/rule").asText()).isEqualTo("unknown-indicator");

        assertThat(computation(period).getStatusCode().value()).isEqualTo(202);
        assertThat(pi).hasPassed("computeQualityPayment").isWaitingAt("reviewComputation");
        assertThat(task(pi)).hasCandidateGroup("careOfficers");
        JsonNode details = details(period);
        assertThat(amounts(details)).containsExactlyInAnyOrder(
                "Omsorg Alfa " + suffix + " AB=2:23000.00", "Omsorg Beta " + suffix + " AB=1:8125.00",
                IN_HOUSE + "=0:0.00");

        complete(task("reviewComputation", pi), withVariables("reviewComments", "Stämmer med underlagen."));
        assertThat(task("approvePayment", pi)).hasCandidateGroup("careManagers");
        complete(task("approvePayment", pi), withVariables("paymentApproved", true));
        assertThat(pi).hasPassed("recordDecision").isWaitingAt("sendResults");
        execute(job("sendResults", pi));
        assertThat(pi).isEnded();

        String alfaMail = MailText.plainText(onlyMailTo("alfa-" + suffix + "@omsorg.example"));
        assertThat(alfaMail).contains("Nivå: 2").contains("23,00 kr per timme × 1 000,00 utförda timmar = 23 000,00 kr");
        assertThat(MailText.plainText(onlyMailTo("beta-" + suffix + "@omsorg.example")))
                .contains("Nivå: 1").contains("10,00 kr per timme × 812,50 utförda timmar = 8 125,00 kr");
        assertThat(mailsTo("hemtjanst.egen.regi@kommun.example")).anySatisfy(m -> assertThat(MailText.plainText(m))
                .contains(period).contains("= 0,00 kr"));
        assertThat(details(period).at("/period/status").asText()).isEqualTo("APPROVED");
        assertThat(details(period).at("/period/decisionNumber").asText()).startsWith("KVP-");

        ResponseEntity<String> late = correct(period, "ASSISTANT_NURSE_SHARE", "49");
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody()).contains("beslutad");
    }

    @Test
    void aCorrectionBeforeApprovalComputesAgainAndReviewStartsOver() throws Exception {
        String period = year(2032);
        ProcessInstance pi = started(period);
        importCsv(csv(period, "50"));
        computation(period);
        complete(task("reviewComputation", pi));
        assertThat(pi).isWaitingAt("approvePayment");

        ResponseEntity<String> corrected = correct(period, "ASSISTANT_NURSE_SHARE", "49.5");

        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        assertThat(pi).hasPassed("resultCorrectedEvent").isWaitingAt("reviewComputation");
        assertThat(amounts(details(period))).contains("Omsorg Alfa " + suffix + " AB=1:10000.00");
    }

    @Test
    void missingResultsRemindTheProvidersAndTheOfficersBeforeTheDeadline() throws Exception {
        String period = year(2033);
        ProcessInstance pi = started(period);

        execute(job("resultsReminderDue", pi));
        execute(job("remindMissingResults", pi));

        assertThat(MailText.plainText(onlyMailTo("alfa-" + suffix + "@omsorg.example")))
                .contains("CONTINUITY, HOURLY_STAFF_SHARE, ASSISTANT_NURSE_SHARE");
        assertThat(pi).isWaitingAt("awaitResults", "remindOfficers");
        execute(job("remindOfficers", pi));
        assertThat(pi).isWaitingAt("awaitResults");
    }

    @Test
    void badResultsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        String period = year(2034);
        ResponseEntity<String> refused = post("/api/quality-payment/results", """
                {"provider":"Okänd AB","contractNumber":"%s","period":"2034-T4","indicator":"HOURLY_STAFF_SHARE",
                 "value":101,"performedHours":-1,"source":"Test"}""".formatted(alfa));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).get("errors").findValuesAsText("rule")).contains("period",
                "provider-not-on-contract", "out-of-range", "required");
        ResponseEntity<String> stored = post("/api/quality-payment/results", result(period, "CONTINUITY", "8"));
        assertThat(stored.getStatusCode().value()).as(stored.getBody()).isEqualTo(201);
        ResponseEntity<String> twice = post("/api/quality-payment/results", result(period, "CONTINUITY", "9"));
        assertThat(json.readTree(twice.getBody()).get("errors").findValuesAsText("rule")).containsExactly("duplicate");
        ResponseEntity<String> negative = post("/api/quality-payment/results", result(period, "HOURLY_STAFF_SHARE",
                "-0.01"));
        assertThat(json.readTree(negative.getBody()).get("errors").findValuesAsText("rule"))
                .containsExactly("out-of-range");
    }

    // --- helpers ---

    private String year(int year) throws Exception {
        clock.pin(ZonedDateTime.of(year, 5, 10, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        alfa = contract("Omsorg Alfa " + suffix + " AB", "alfa", year);
        beta = contract("Omsorg Beta " + suffix + " AB", "beta", year);
        return year + "-T1";
    }

    private String contract(String supplier, String mailbox, int year) throws Exception {
        String number = "KVP-" + mailbox + "-" + suffix;
        ResponseEntity<String> created = manager().exchange("/api/contracts", HttpMethod.POST, jsonEntity("""
                {"number":"%s","title":"Hemtjänst","supplier":"%s","organisationNumber":"556016-0680",
                 "area":"HOME_CARE","committee":"vardOmsorgNamnd","strategic":false,"start":"%d-01-01",
                 "end":"%d-12-31","contactEmail":"%s-%s@omsorg.example","contractManager":"klara",
                 "followUpInterval":"P12M"}""".formatted(number, supplier, year, year, mailbox, suffix)), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return number;
    }

    private ProcessInstance started(String period) {
        ResponseEntity<String> started = post("/api/quality-payment/periods", """
                {"period":"%s","area":"HOME_CARE"}""".formatted(period));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("KVP-" + period + "-HOME_CARE")
                .singleResult();
    }

    /** The three providers' nine results; alfa's assistant-nurse share as given. */
    private String csv(String period, String alfaNurses) {
        String a = "Omsorg Alfa " + suffix + " AB;" + alfa + ";" + period + ";";
        String b = "Omsorg Beta " + suffix + " AB;" + beta + ";" + period + ";";
        String h = IN_HOUSE + ";;" + period + ";";
        return "provider;contractNumber;period;indicator;value;performedHours;source\n"
                + a + "CONTINUITY;12;1000;Verksamhetssystemet\n" + a + "HOURLY_STAFF_SHARE;15;1000;Lönesystemet\n"
                + a + "ASSISTANT_NURSE_SHARE;" + alfaNurses + ";1000;Personalregistret\n"
                + b + "CONTINUITY;11;812,5;Verksamhetssystemet\n" + b + "HOURLY_STAFF_SHARE;30;812,5;Lönesystemet\n"
                + b + "ASSISTANT_NURSE_SHARE;61;812,5;Personalregistret\n"
                + h + "CONTINUITY;13;2000;Verksamhetssystemet\n" + h + "HOURLY_STAFF_SHARE;5;2000;Lönesystemet\n"
                + h + "ASSISTANT_NURSE_SHARE;80;2000;Personalregistret\n";
    }

    private String result(String period, String indicator, String value) {
        return """
                {"provider":"Omsorg Alfa %s AB","contractNumber":"%s","period":"%s","indicator":"%s","value":%s,
                 "performedHours":1000,"source":"Test"}""".formatted(suffix, alfa, period, indicator, value);
    }

    private ResponseEntity<String> correct(String period, String indicator, String value) {
        return manager().exchange("/api/quality-payment/results", HttpMethod.PUT,
                jsonEntity(result(period, indicator, value)), String.class);
    }

    private ResponseEntity<String> importCsv(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return manager().exchange("/api/quality-payment/results/import", HttpMethod.POST,
                new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), String.class);
    }

    private ResponseEntity<String> computation(String period) {
        return manager().exchange("/api/quality-payment/periods/" + period + "/HOME_CARE/computation",
                HttpMethod.POST, null, String.class);
    }

    private JsonNode details(String period) throws Exception {
        return json.readTree(manager().getForEntity("/api/quality-payment/periods/" + period + "/HOME_CARE",
                String.class).getBody());
    }

    private static List<String> amounts(JsonNode details) {
        List<String> amounts = new java.util.ArrayList<>();
        details.get("payments").forEach(p -> amounts.add(p.at("/payment/provider").asText() + "="
                + p.at("/payment/level").asInt() + ":" + new BigDecimal(p.at("/payment/amount").asText())
                .setScale(2).toPlainString()));
        return amounts;
    }

    private ResponseEntity<String> post(String path, String body) {
        return manager().exchange(path, HttpMethod.POST, jsonEntity(body), String.class);
    }

    private TestRestTemplate manager() {
        return http.withBasicAuth("klara", DEMO);
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        return Arrays.stream(mailCatcher.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
