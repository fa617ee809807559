package se.kommun.kvalitet.cases.survey;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.process.CaseProcess;
import se.kommun.kvalitet.cases.record.CaseEvent;
import se.kommun.kvalitet.cases.record.CaseStatus;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.localrun.MailText;
import se.kommun.kvalitet.shared.ClockConfiguration;
import se.kommun.kvalitet.slacalendar.SlaVariables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * The satisfaction question after feedback, one test per path of "Vänta på enkätsvar" in
 * processes/case-handling.bpmn, driven through the link in the real feedback e-mail (GreenMail) and the public API.
 * <p>
 * The clock is pinned: the cases arrive and are answered on Monday 4 May 2026, 10:00 Swedish time, so the link is
 * valid until Monday 18 May, 10:00. Answers come on Monday 11 May; a reopened elderly-care complaint then has 10
 * working days again: 12 13 15 18 19 20 21 22 25 26 (Ascension Day, 14 May, is a holiday) -> due Tue 26 May.
 */
@KvalitetIntegrationTest
class SurveyProcessTest {

    static final ZonedDateTime RECEIVED = ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);
    static final ZonedDateTime ANSWERED = RECEIVED.plusDays(7);
    private static final Pattern SURVEY_LINK = Pattern.compile("/enkat/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseWork work;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    SettableClock clock;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        mailCatcher.purgeEmailFromAllMailboxes();
        clock.pin(RECEIVED);
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    @Test
    void theFeedbackMailCarriesAPersonalLinkToTheQuestion() throws Exception {
        ProcessInstance pi = answeredCase("lisa@example.se");

        String body = MailText.plainText(lastMailTo("lisa@example.se"));
        assertThat(body).contains("Vad tyckte du om hur vi hanterade ditt ärende?", "senast 18 maj 2026",
                "http://localhost:8080/enkat/");
        ResponseEntity<String> question = http.getForEntity("/api/surveys/" + token(body), String.class);
        assertThat(question.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode content = json.readTree(question.getBody());
        assertThat(content.at("/question/sv").asText()).isEqualTo("Är du nöjd med hur ditt ärende hanterades?");
        assertThat(content.at("/question/en").asText()).isEqualTo("Are you satisfied with how your case was handled?");
        assertThat(content.at("/reasons/0/code").asText()).isEqualTo("NOT_SOLVED");
        assertThat(content.at("/reasons/0/labelSv").asText()).isEqualTo("Mitt problem är inte löst");
        assertThat(content.at("/reasons/0/labelEn").asText()).isEqualTo("My problem is not solved");
        assertThat(content.at("/reasons/0/reopens").asBoolean()).isTrue();
        assertThat(content.at("/reasons/2/reopens").asBoolean()).isFalse();
        assertThat(question.getBody()).doesNotContain(pi.getBusinessKey(), "lisa");
    }

    @Test
    void satisfiedIsOnlyCounted() {
        ProcessInstance pi = answeredCase("nojd@example.se");
        clock.pin(ANSWERED);

        assertThat(answer(tokenFromMail("nojd@example.se"), """
                {"satisfied": true, "contactAllowed": false}""").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(pi).isEnded().hasPassed("surveyAnswered", "answerCounted").hasNotPassed("assessReopening");
        assertThat(jdbc.queryForMap("select s.satisfied, s.reopening_asked, s.unit, s.category from app.case_survey s "
                + "join app.citizen_case c on c.id = s.case_id where c.reference = ?", pi.getBusinessKey()))
                .containsEntry("satisfied", true).containsEntry("reopening_asked", false)
                .containsEntry("unit", "careOfficers").containsEntry("category", "ELDERLY_CARE");
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.SURVEY_ANSWERED);
        // Counted: the statistics for May (Swedish dates) include the answer for care, elderly care.
        JsonNode care = statistics("2026-05-01", "2026-06-01");
        assertThat(care.findValuesAsText("unit")).contains("careOfficers");
        assertThat(statistics("2026-06-01", "2026-07-01").findValuesAsText("unit")).isEmpty();
    }

    private JsonNode statistics(String from, String to) {
        ResponseEntity<String> response = http.withBasicAuth("per", "Demo-Kvalitet-2026!")
                .getForEntity("/api/survey-statistics?from=" + from + "&to=" + to, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        try {
            return json.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void notSatisfiedWithoutAReopeningReasonOrTextIsOnlyCounted() {
        ProcessInstance pi = answeredCase("halvnojd@example.se");
        clock.pin(ANSWERED);

        answer(tokenFromMail("halvnojd@example.se"), """
                {"satisfied": false, "reasons": ["TOO_SLOW", "NOT_UNDERSTOOD"], "contactAllowed": true}""");

        assertThat(pi).isEnded().hasPassed("answerCounted").hasNotPassed("assessReopening");
        assertThat(jdbc.queryForObject("select reasons from app.case_survey s join app.citizen_case c "
                + "on c.id = s.case_id where c.reference = ?", String.class, pi.getBusinessKey()))
                .isEqualTo("TOO_SLOW,NOT_UNDERSTOOD");
    }

    @Test
    void notSatisfiedWithAReopeningReasonIsReopenedWithANewDueDateAndAnsweredAgain() throws Exception {
        ProcessInstance pi = answeredCase("igen@example.se");
        String firstToken = tokenFromMail("igen@example.se");
        clock.pin(ANSWERED);

        answer(firstToken, """
                {"satisfied": false, "reasons": ["NOT_SOLVED"], "text": "Hemtjänsten kommer fortfarande för sent.",
                 "contactAllowed": true}""");

        assertThat(pi).isWaitingAt("assessReopening");
        assertThat(task(pi)).hasCandidateGroup("careOfficers").hasName("Bedöma återöppning – " + pi.getBusinessKey());
        assertThat((String) runtimeService.getVariable(pi.getId(), CaseProcess.SURVEY_ANSWER.name()))
                .contains("Nöjd: nej", "Skäl: Mitt problem är inte löst", "Får kontaktas: ja",
                        "Hemtjänsten kommer fortfarande för sent\\.");
        complete(task(pi), withVariables("reopenDecision", "reopen", "reopeningNote",
                "Vi ser över schemat igen."));

        assertThat(pi).hasPassed("setReopenedDueDates", "reopenCase").isWaitingAt("sendReopened");
        assertThat(work.find(pi.getBusinessKey()).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(work.find(pi.getBusinessKey()).dueDate()).isEqualTo(LocalDate.of(2026, 5, 26));
        execute(job("sendReopened", pi));
        MimeMessage reopened = lastMailTo("igen@example.se");
        assertThat(reopened.getSubject()).isEqualTo("Vi tittar på ditt ärende " + pi.getBusinessKey() + " igen");
        assertThat(MailText.plainText(reopened)).contains("Vi ser över schemat igen.", "senast 26 maj 2026");

        // Back to handling, on the new SLA clock.
        assertThat(pi).isWaitingAt("investigate");
        assertThat(task(pi)).hasDueDate(at16(2026, 5, 26));
        assertThat((Date) runtimeService.getVariable(pi.getId(), SlaVariables.DUE_DATE.name()))
                .isEqualTo(at16(2026, 5, 26));
        handleAndAnswer(pi, "Nu har vi ändrat schemat.");
        String secondToken = tokenFromMail("igen@example.se");
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(answer(firstToken, "{\"satisfied\": true}").getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(answer(secondToken, "{\"satisfied\": true}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(pi).isEnded().hasPassed("answerCounted");
        assertThat(eventKinds(pi)).containsSubsequence(CaseEvent.Kind.CLOSED, CaseEvent.Kind.SURVEY_ANSWERED,
                CaseEvent.Kind.REOPENED, CaseEvent.Kind.FEEDBACK_WRITTEN, CaseEvent.Kind.CLOSED,
                CaseEvent.Kind.SURVEY_ANSWERED);
    }

    @Test
    void keptClosedTellsTheCitizenWhoAllowedContact() throws Exception {
        ProcessInstance pi = answeredCase("kontakt@example.se");
        clock.pin(ANSWERED);
        // Free text alone asks for an assessment.
        answer(tokenFromMail("kontakt@example.se"), """
                {"satisfied": false, "text": "Jag håller inte med.", "contactAllowed": true}""");

        complete(task(pi), withVariables("reopenDecision", "keepClosed", "reopeningNote",
                "Beslutet följer riktlinjerna för hemtjänst."));

        assertThat(pi).isWaitingAt("sendKeptClosed");
        execute(job("sendKeptClosed", pi));
        assertThat(pi).isEnded().hasPassed("keptClosed");
        MimeMessage kept = lastMailTo("kontakt@example.se");
        assertThat(kept.getSubject()).isEqualTo("Om ditt ärende " + pi.getBusinessKey());
        assertThat(MailText.plainText(kept)).contains("Beslutet följer riktlinjerna för hemtjänst.");
        assertThat(work.find(pi.getBusinessKey()).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.KEPT_CLOSED).doesNotContain(CaseEvent.Kind.REOPENED);
    }

    @Test
    void keptClosedWithoutContactAllowedMailsNobody() {
        ProcessInstance pi = answeredCase("tyst@example.se");
        clock.pin(ANSWERED);
        answer(tokenFromMail("tyst@example.se"), """
                {"satisfied": false, "reasons": ["WRONG_FACTS"], "contactAllowed": false}""");
        int mailsBefore = mailsTo("tyst@example.se").size();

        complete(task(pi), withVariables("reopenDecision", "keepClosed", "reopeningNote", "Uppgifterna stämmer."));

        assertThat(pi).isEnded().hasPassed("keptClosedWithoutMail").hasNotPassed("sendKeptClosed");
        assertThat(mailsTo("tyst@example.se")).hasSize(mailsBefore);
    }

    @Test
    void anExpiredLinkIsGoneAndStoresNothing() {
        ProcessInstance pi = answeredCase("sent@example.se");
        String token = tokenFromMail("sent@example.se");
        clock.pin(RECEIVED.plusDays(14));

        assertThat(http.getForEntity("/api/surveys/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(answer(token, "{\"satisfied\": false, \"reasons\": [\"NOT_SOLVED\"]}").getStatusCode())
                .isEqualTo(HttpStatus.GONE);
        ResponseEntity<String> page = http.getForEntity("/enkat/" + token, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(page.getBody()).contains("Enkäten är stängd").doesNotContain(pi.getBusinessKey());
        assertThat(answeredAt(pi)).isNull();

        execute(job("surveyExpired", pi));
        assertThat(pi).isEnded().hasPassed("noSurveyAnswer");
    }

    @Test
    void aSecondAnswerIsGoneAndChangesNothing() {
        ProcessInstance pi = answeredCase("tva@example.se");
        String token = tokenFromMail("tva@example.se");
        clock.pin(ANSWERED);
        answer(token, "{\"satisfied\": true}");

        ResponseEntity<String> again = answer(token, "{\"satisfied\": false, \"reasons\": [\"NOT_SOLVED\"]}");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(again.getBody()).contains("survey-closed").doesNotContain(pi.getBusinessKey());
        assertThat(jdbc.queryForObject("select satisfied from app.case_survey s join app.citizen_case c "
                + "on c.id = s.case_id where c.reference = ?", Boolean.class, pi.getBusinessKey())).isTrue();
        assertThat(pi).isEnded().hasNotPassed("assessReopening");
    }

    @Test
    void badAnswersAreRefusedClearlyAndStoreNothing() throws Exception {
        ProcessInstance pi = answeredCase("fel@example.se");
        String token = tokenFromMail("fel@example.se");
        clock.pin(ANSWERED);

        assertThat(answer("A".repeat(43), "{\"satisfied\": true}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer("kort", "{\"satisfied\": true}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertRefused(answer(token, "{\"contactAllowed\": true}"), "satisfied", "survey.satisfied.required");
        assertRefused(answer(token, "{\"satisfied\": false, \"reasons\": [\"BORED\"]}"), "reasons",
                "survey.reasons.unknown");
        assertRefused(answer(token, "{\"satisfied\": false, \"reasons\": [null]}"), "reasons",
                "survey.reasons.unknown");
        assertRefused(answer(token, "{\"satisfied\": true, \"reasons\": [\"NOT_SOLVED\"]}"), "reasons",
                "survey.reasons.onlyWhenNotSatisfied");
        assertRefused(answer(token, "{\"satisfied\": false, \"text\": \"" + "x".repeat(2001) + "\"}"), "text",
                "survey.text.tooLong");
        assertThat(answer(token, "{\"satisfied\": \"nej\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(answeredAt(pi)).isNull();
        assertThat(pi).isWaitingAt("awaitSurveyAnswer");
    }

    @Test
    void markupInTheTextIsStoredVerbatimAndShownAsText() {
        ProcessInstance pi = answeredCase("markup@example.se");
        clock.pin(ANSWERED);
        String text = "<script>alert(1)</script> **inte fet** [länk](http://x.example)";

        answer(tokenFromMail("markup@example.se"), json("{\"satisfied\": false, \"text\": %s}", text));

        assertThat(jdbc.queryForObject("select answer_text from app.case_survey s join app.citizen_case c "
                + "on c.id = s.case_id where c.reference = ?", String.class, pi.getBusinessKey())).isEqualTo(text);
        // The task form renders markdown and HTML: the citizen's text must show as written, formatting nothing.
        assertThat((String) runtimeService.getVariable(pi.getId(), CaseProcess.SURVEY_ANSWER.name()))
                .contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*\\*inte fet\\*\\* \\[länk\\]\\(http://x\\.example\\)")
                .doesNotContain("<script>");
    }

    /**
     * Must show: the link from the real feedback e-mail, answered "nej" with a reopening reason on the page, puts
     * "Bedöma återöppning" in the unit's Tasklist; a second answer through the same link is refused.
     */
    @Test
    void followingTheMailedLinkAndAnsweringNoPutsTheAssessmentInTheUnitsTasklist() throws Exception {
        ProcessInstance pi = answeredCase("maria@example.se");
        clock.pin(ANSWERED);
        String link = linkFromMail("maria@example.se");

        ResponseEntity<String> page = http.getForEntity(link, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<legend>Är du nöjd med hur ditt ärende hanterades?</legend>",
                "<label for=\"satisfied-no\">Nej</label>", "<label for=\"reason-NOT_SOLVED\">Mitt problem är inte löst</label>",
                "<label for=\"text\">", "<label for=\"contactAllowed\">").doesNotContain("<script");
        HttpHeaders form = csrf(page);

        ResponseEntity<String> answered = post(link, form, "satisfied=nej&reasons=NOT_SOLVED&contactAllowed=true");
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(answered.getHeaders().getLocation().getPath()).isEqualTo("/enkat/tack");

        ResponseEntity<String> careTasks = http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!").getForEntity(
                "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + pi.getBusinessKey(), String.class);
        assertThat(pi).isWaitingAt("assessReopening");
        assertThat(json.readTree(careTasks.getBody()).findValuesAsText("name")).as(careTasks.toString())
                .containsExactly("Bedöma återöppning – " + pi.getBusinessKey());
        ResponseEntity<String> streetsTasks = http.withBasicAuth("anna", "Demo-Kvalitet-2026!").getForEntity(
                "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + pi.getBusinessKey(), String.class);
        assertThat(json.readTree(streetsTasks.getBody())).isEmpty();

        ResponseEntity<String> second = post(link, form, "satisfied=ja");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(second.getBody()).contains("Enkäten är stängd");
        assertThat(http.getForEntity(link, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(jdbc.queryForObject("select satisfied from app.case_survey s join app.citizen_case c "
                + "on c.id = s.case_id where c.reference = ?", Boolean.class, pi.getBusinessKey())).isFalse();
    }

    @Test
    void aPageAnswerWithoutYesOrNoShowsTheErrorSummaryAndStoresNothing() {
        ProcessInstance pi = answeredCase("sida@example.se");
        clock.pin(ANSWERED);
        String link = linkFromMail("sida@example.se");
        HttpHeaders form = csrf(http.getForEntity(link, String.class));

        ResponseEntity<String> refused = post(link, form, "text=Hej");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody()).contains("class=\"error-summary\"", "href=\"#satisfied-yes\"",
                "Svara ja eller nej på om du är nöjd.", ">Hej</textarea>");
        assertThat(answeredAt(pi)).isNull();
    }

    /** Complaint about elderly care (careOfficers), investigated, acted on, answered and the feedback mailed. */
    private ProcessInstance answeredCase(String email) {
        NewCase matter = new NewCase(CaseType.COMPLAINT, "ELDERLY_CARE", "Hemtjänsten kom för sent.", null,
                new NewCase.Contact("Test Testsson", email, null), "sv", null);
        String reference = intake.submit(matter, Channel.API, null, null).reference();
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult();
        execute(job("sendAcknowledgement", pi));
        handleAndAnswer(pi, "Vi har rättat schemat.");
        return pi;
    }

    private void handleAndAnswer(ProcessInstance pi, String feedback) {
        complete(task(pi), withVariables("findings", "Schemat var fel.", "investigationOutcome", "continue"));
        complete(task(pi), withVariables("measures", "Schemat rättat.", "rootCause", "ROUTINE_MISSING"));
        complete(task(pi), withVariables("feedback", feedback));
        execute(job("sendFeedback", pi));
        assertThat(pi).isWaitingAt("awaitSurveyAnswer");
    }

    private ResponseEntity<String> answer(String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/surveys/" + token, new HttpEntity<>(body, headers), String.class);
    }

    private void assertRefused(ResponseEntity<String> response, String field, String rule) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json.readTree(response.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains(field);
        assertThat(errors.findValuesAsText("rule")).contains(rule);
    }

    private String json(String template, String text) {
        try {
            return template.formatted(json.writeValueAsString(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's CSRF cookie and hidden field, as a browser sends them back. */
    private static HttpHeaders csrf(ResponseEntity<String> page) {
        String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(CSRF_COOKIE::matcher).filter(Matcher::find).map(matcher -> matcher.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        Matcher field = CSRF_FIELD.matcher(String.valueOf(page.getBody()));
        assertThat(field.find()).as("hidden _csrf field").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + cookie);
        headers.add("X-Test-Csrf-Field", field.group(1));
        return headers;
    }

    private ResponseEntity<String> post(String link, HttpHeaders form, String fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(form);
        String csrfField = headers.getFirst("X-Test-Csrf-Field");
        headers.remove("X-Test-Csrf-Field");
        return http.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .postForEntity(link, new HttpEntity<>(fields + "&_csrf=" + csrfField, headers), String.class);
    }

    private String tokenFromMail(String recipient) {
        return token(MailText.plainText(lastMailTo(recipient)));
    }

    /** The link's path and token, as mailed (the mail names the public base URL, not the test server's port). */
    private String linkFromMail(String recipient) {
        return "/enkat/" + tokenFromMail(recipient);
    }

    private static String token(String body) {
        Matcher link = SURVEY_LINK.matcher(body);
        assertThat(link.find()).as("survey link in " + body).isTrue();
        return link.group(1);
    }

    private Object answeredAt(ProcessInstance pi) {
        return jdbc.queryForObject("select max(answered_at) from app.case_survey s join app.citizen_case c "
                + "on c.id = s.case_id where c.reference = ?", Object.class, pi.getBusinessKey());
    }

    private List<CaseEvent.Kind> eventKinds(ProcessInstance pi) {
        return transactions.execute(status -> work.find(pi.getBusinessKey()).events().stream()
                .map(CaseEvent::kind).toList());
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

    private MimeMessage lastMailTo(String recipient) {
        List<MimeMessage> mails = mailsTo(recipient);
        assertThat(mails).as("mails to " + recipient).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private static Date at16(int year, int month, int day) {
        return Date.from(ZonedDateTime.of(year, month, day, 16, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE)
                .toInstant());
    }
}
