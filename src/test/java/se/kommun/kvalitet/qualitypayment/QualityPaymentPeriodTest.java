package se.kommun.kvalitet.qualitypayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

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

/**
 * processes/quality-payment-period.bpmn through the API, a path per test. Each test has its own year, so the
 * period's providers are its own two contracts (home care, Vård- och omsorgsnämnden) and the in-house unit of the
 * settings: three providers. The clock is pinned after the tertial.
 */
@KvalitetIntegrationTest
class QualityPaymentPeriodTest {

    static final String DEMO = SeededTertial.DEMO;
    static final String IN_HOUSE = SeededTertial.IN_HOUSE;

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

    SeededTertial seed;
    String alfa;
    String beta;
    String suffix;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        mailCatcher.purgeEmailFromAllMailboxes();
        seed = new SeededTertial(http, clock);
        suffix = seed.suffix();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    /**
     * MUST SHOW (issue 19). Hand calculation of the seeded tertial, by the default scheme (criterion 1 continuity
     * ≤ 12, criterion 2 hourly-paid ≤ 15 %, criterion 3 assistant nurses ≥ 50 %; level 2 = all three at 23 kr,
     * level 1 = criterion 1 and 2 or 3 at 10 kr, else level 0):
     * <ul>
     * <li>Alfa: 12, 15 %, 50 % (every edge met): criteria 1, 2, 3 → level 2; 23 kr × 1 000 h = 23 000,00 kr.</li>
     * <li>Beta: 11, 30 %, 61 %: criteria 1 and 3 → level 1; 10 kr × 812,5 h = 8 125,00 kr.</li>
     * <li>In-house: 13 (criterion 1 missed), 5 %, 80 %: level 0; 0 kr × 2 000 h = 0,00 kr.</li>
     * </ul>
     * Sum 31 125,00 kr. Each provider is mailed its breakdown, and /jamfor shows the three only once approved.
     */
    @Test
    void aSeededTertialIsComputedAsByHandMailedToEachProviderAndPublishedOnlyAfterApproval() throws Exception {
        String period = year(2031);
        String alfaName = "Omsorg Alfa " + suffix + " AB";
        String betaName = "Omsorg Beta " + suffix + " AB";
        ProcessInstance pi = started(period);
        assertThat(pi).isWaitingAt("awaitResults");

        ResponseEntity<String> early = computation(period);
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(early.getBody()).get("missing").toString()).contains(alfa, IN_HOUSE, "CONTINUITY");

        ResponseEntity<String> imported = importCsv(csv(period, "50") + alfaName + ";" + alfa + ";"
                + period + ";PUNCTUALITY;3;1000;Test\n");
        JsonNode report = json.readTree(imported.getBody());
        assertThat(report.get("stored").asInt()).as(imported.getBody()).isEqualTo(9);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        assertThat(report.at("/rows/9/errors/0/rule").asText()).isEqualTo("unknown-indicator");

        assertThat(computation(period).getStatusCode().value()).isEqualTo(202);
        assertThat(pi).hasPassed("computeQualityPayment").isWaitingAt("reviewComputation");
        assertThat(task(pi)).hasCandidateGroup("careOfficers");
        assertThat(amounts(details(period))).containsExactlyInAnyOrder(
                alfaName + "=2:23000.00", betaName + "=1:8125.00", IN_HOUSE + "=0:0.00");
        assertThat(runtimeService.getVariable(pi.getId(), "paymentSummary")).isEqualTo("3 utförare, 31 125,00 kr");

        complete(task("reviewComputation", pi), withVariables("reviewComments", "Stämmer med underlagen."));
        assertThat(task("approvePayment", pi)).hasCandidateGroup("committeeDelegates");
        String before = comparisonPage(period);
        assertThat(before).contains("inte beslutad").doesNotContain(alfaName).doesNotContain(betaName)
                .doesNotContain("<table");
        assertThat(mailsTo("alfa-" + suffix + "@omsorg.example")).isEmpty();

        complete(task("approvePayment", pi), withVariables("paymentApproved", true));
        assertThat(pi).hasPassed("recordDecision").isWaitingAt("sendResults");
        execute(job("sendResults", pi));
        assertThat(pi).isEnded();

        String alfaMail = MailText.plainText(onlyMailTo("alfa-" + suffix + "@omsorg.example"));
        assertThat(alfaMail).contains("Nivå: 2").contains("23,00 kr per timme × 1 000,00 utförda timmar = 23 000,00 kr")
                .contains(": 12 antal personal").contains(": 15 procent").contains(": 50 procent");
        assertThat(MailText.plainText(onlyMailTo("beta-" + suffix + "@omsorg.example")))
                .contains("Nivå: 1").contains("10,00 kr per timme × 812,50 utförda timmar = 8 125,00 kr")
                .contains(": 11 antal personal").contains(": 30 procent").contains(": 61 procent");
        assertThat(mailsTo("hemtjanst.egen.regi@kommun.example")).anySatisfy(m -> assertThat(MailText.plainText(m))
                .contains(period).contains("Nivå: 0")
                .contains("0,00 kr per timme × 2 000,00 utförda timmar = 0,00 kr"));
        assertThat(details(period).at("/period/status").asText()).isEqualTo("APPROVED");
        assertThat(details(period).at("/period/decisionNumber").asText()).startsWith("KVP-");

        String after = comparisonPage(period);
        assertThat(after).contains(alfaName, betaName, IN_HOUSE).doesNotContain("inte beslutad")
                .contains("lägre är bättre", "högre är bättre");
        String byContinuity = comparisonPage(period + "&sortera=CONTINUITY");
        assertThat(byContinuity.indexOf(betaName)).isLessThan(byContinuity.indexOf(alfaName));
        assertThat(byContinuity.indexOf(alfaName)).isLessThan(byContinuity.indexOf(IN_HOUSE));
        assertThat(byContinuity).contains("aria-sort=\"ascending\"");
    }

    @Test
    void anApprovalSentBackReturnsToReviewAndNothingIsDecidedOrPublished() throws Exception {
        String period = year(2035);
        ProcessInstance pi = started(period);
        importCsv(csv(period, "50"));
        computation(period);
        complete(task("reviewComputation", pi));

        complete(task("approvePayment", pi), withVariables("paymentApproved", false, "approvalComments",
                "Kontrollera Betas timmar."));

        assertThat(pi).hasPassed("paymentApprovedGateway").hasNotPassed("recordDecision")
                .isWaitingAt("reviewComputation");
        assertThat(task("reviewComputation", pi)).hasCandidateGroup("careOfficers");
        assertThat(details(period).at("/period/status").asText()).isEqualTo("COMPUTED");
        assertThat(details(period).at("/period/decisionNumber").textValue()).isNull();
        assertThat(mailsTo("alfa-" + suffix + "@omsorg.example")).isEmpty();
        assertThat(comparisonPage(period)).contains("inte beslutad").doesNotContain("Omsorg Alfa " + suffix);

        complete(task("reviewComputation", pi), withVariables("reviewComments", "Timmarna stämmer."));
        complete(task("approvePayment", pi), withVariables("paymentApproved", true));
        assertThat(pi).hasPassed("recordDecision").isWaitingAt("sendResults");
    }

    @Test
    void aRecalculationAfterApprovalIsRefusedWithWhyAndNothingChanges() throws Exception {
        String period = year(2036);
        ProcessInstance pi = started(period);
        importCsv(csv(period, "50"));
        computation(period);
        complete(task("reviewComputation", pi));
        complete(task("approvePayment", pi), withVariables("paymentApproved", true));
        String decision = details(period).at("/period/decisionNumber").asText();

        ResponseEntity<String> corrected = correct(period, "ASSISTANT_NURSE_SHARE", "49");
        ResponseEntity<String> added = post("/api/quality-payment/results", result(period, "SATISFACTION", "90"));
        ResponseEntity<String> computedAgain = computation(period);

        assertThat(corrected.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(corrected.getBody()).get("detail").asText()).contains(decision)
                .contains("kan inte längre ändras").contains("can no longer change");
        assertThat(json.readTree(added.getBody()).get("errors").findValuesAsText("rule"))
                .containsExactly("period-approved");
        assertThat(computedAgain.getStatusCode().value()).isEqualTo(409);
        assertThat(computedAgain.getBody()).contains("samlar inte längre in resultat");
        assertThat(amounts(details(period))).contains("Omsorg Alfa " + suffix + " AB=2:23000.00");
        JsonNode report = json.readTree(manager().getForEntity("/api/quality-payment/periods/" + period
                + "/HOME_CARE/report", String.class).getBody());
        assertThat(new BigDecimal(indicator(row(report, "Omsorg Alfa " + suffix + " AB"), "ASSISTANT_NURSE_SHARE")
                .get("value").asText())).isEqualByComparingTo("50");
        assertThat(pi).hasNotPassed("resultCorrectedEvent");
    }

    @Test
    void thePeriodReportComparesWithThePreviousTertialAndTheOtherProvidersAsJsonAndCsv() throws Exception {
        String first = year(2037);
        String second = "2037-T2";
        ProcessInstance decided = started(first);
        importCsv(csv(first, "50"));
        computation(first);
        complete(task("reviewComputation", decided));
        complete(task("approvePayment", decided), withVariables("paymentApproved", true));
        ProcessInstance next = started(second);
        importCsv(csv(second, "49"));
        computation(second);

        JsonNode report = json.readTree(http.withBasicAuth("nora", DEMO).getForEntity(
                "/api/quality-payment/periods/" + second + "/HOME_CARE/report", String.class).getBody());

        assertThat(report.get("status").asText()).isEqualTo("COMPUTED");
        assertThat(report.get("previousPeriod").asText()).isEqualTo(first);
        assertThat(report.get("previousDecision").asText()).startsWith("KVP-");
        assertThat(new BigDecimal(report.get("total").asText())).isEqualByComparingTo("18125.00");
        assertThat(new BigDecimal(report.get("previousTotal").asText())).isEqualByComparingTo("31125.00");
        JsonNode alfaRow = row(report, "Omsorg Alfa " + suffix + " AB");
        // 49 % misses criterion 3: level 1 at 10 kr instead of level 2 at 23 kr, 13 000 kr less.
        assertThat(alfaRow.get("level").asInt()).isEqualTo(1);
        assertThat(alfaRow.get("previousLevel").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(alfaRow.get("amountChange").asText())).isEqualByComparingTo("-13000");
        JsonNode nurses = indicator(alfaRow, "ASSISTANT_NURSE_SHARE");
        assertThat(new BigDecimal(nurses.get("previousValue").asText())).isEqualByComparingTo("50");
        assertThat(new BigDecimal(nurses.get("change").asText())).isEqualByComparingTo("-1");
        // Assistant nurses, higher is better: in-house 80, Beta 61, Alfa 49; average (49 + 61 + 80) / 3 = 63,33.
        assertThat(nurses.get("rank").asInt()).isEqualTo(3);
        assertThat(nurses.get("providers").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(nurses.get("areaAverage").asText())).isEqualByComparingTo("63.33");
        // Continuity, lower is better: Beta 11 first, Alfa 12 second.
        assertThat(indicator(alfaRow, "CONTINUITY").get("rank").asInt()).isEqualTo(2);

        ResponseEntity<byte[]> csv = http.withBasicAuth("bjorn", DEMO).getForEntity(
                "/api/quality-payment/periods/" + second + "/HOME_CARE/report.csv", byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = csv.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(lines.get(0)).isEqualTo(String.join(";", PeriodReports.CSV_HEADER));
        assertThat(lines).hasSize(1 + 9).contains(second + ";HOME_CARE;COMPUTED;Omsorg Alfa " + suffix + " AB;" + alfa
                + ";ASSISTANT_NURSE_SHARE;HIGHER;49;50;-1;63,33;3;3;1;10;1000;10000;2;23000;-13000");
        assertThat(http.withBasicAuth("maria", DEMO).getForEntity("/api/quality-payment/periods/" + second
                + "/HOME_CARE/report", String.class).getStatusCode().value()).isEqualTo(403);

        complete(task("reviewComputation", next));
        complete(task("approvePayment", next), withVariables("paymentApproved", true));
        String page = comparisonPage(second);
        assertThat(page).contains("Hemtjänst, " + second + ": resultat per utförare",
                "Hemtjänst, " + first + " (föregående beslutade period)");
        assertThat(page.indexOf(second + ": resultat")).isLessThan(page.indexOf(first + " (föregående"));
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
    void resultsStillMissingPastTheDeadlineEscalateToTheManager() throws Exception {
        String period = year(2038);
        ProcessInstance pi = started(period);

        execute(job("resultsDeadlinePassed", pi));
        assertThat(pi).isWaitingAt("awaitResults", "escalateMissingResults");
        execute(job("escalateMissingResults", pi));

        assertThat(pi).hasPassed("escalateMissingResults").isWaitingAt("awaitResults");
        MimeMessage escalation = onlyMailTo("maria@kommun.example");
        assertThat(escalation.getSubject()).contains("KVP-" + period + "-HOME_CARE");
        assertThat(MailText.plainText(escalation)).contains("Kvalitetspeng");
        assertThat(mailsTo("alfa-" + suffix + "@omsorg.example")).isEmpty();
    }

    @Test
    void theComparisonPageNamesBackOnlyAWellFormedPeriodThatIsNotDecided() {
        assertThat(comparisonPage("2099-T1")).contains("Perioden 2099-T1 för Hemtjänst är inte beslutad")
                .doesNotContain("<table");
        assertThat(comparisonPage("%3Cb%3Efalsk%3C%2Fb%3E")).doesNotContain("falsk").doesNotContain("inte beslutad");
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

    private String year(int year) {
        String period = seed.year(year);
        alfa = seed.alfa();
        beta = seed.beta();
        return period;
    }

    private ProcessInstance started(String period) {
        ResponseEntity<String> started = post("/api/quality-payment/periods", """
                {"period":"%s","area":"HOME_CARE"}""".formatted(period));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("KVP-" + period + "-HOME_CARE")
                .singleResult();
    }

    private String csv(String period, String alfaNurses) {
        return seed.csv(period, alfaNurses);
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
        return seed.importCsv(csv);
    }

    private ResponseEntity<String> computation(String period) {
        return manager().exchange("/api/quality-payment/periods/" + period + "/HOME_CARE/computation",
                HttpMethod.POST, null, String.class);
    }

    private JsonNode details(String period) throws Exception {
        return json.readTree(manager().getForEntity("/api/quality-payment/periods/" + period + "/HOME_CARE",
                String.class).getBody());
    }

    /** The public page as anybody sees it, without logging in. */
    private String comparisonPage(String periodAndSort) {
        ResponseEntity<String> page = http.getForEntity("/jamfor?omrade=HOME_CARE&period=" + periodAndSort,
                String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        return page.getBody();
    }

    private static JsonNode row(JsonNode report, String provider) {
        for (JsonNode row : report.get("providers")) {
            if (row.get("provider").asText().equals(provider)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + provider + ": " + report);
    }

    private static JsonNode indicator(JsonNode row, String code) {
        for (JsonNode result : row.get("results")) {
            if (result.get("indicator").asText().equals(code)) {
                return result;
            }
        }
        throw new AssertionError("No " + code + " in " + row);
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
