package se.kommun.kvalitet.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.localrun.MailText;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * processes/quality-award.bpmn, a path per test, driven as people drive it: the administrator through the API, the
 * applicants through the public page (multipart, CSRF), the jury and the chair through their tasks. Each test pins
 * the clock to its own year, so its call, references and mails are its own.
 */
@KvalitetIntegrationTest
class QualityAwardProcessTest {

    static final String DEMO = "Demo-Kvalitet-2026!";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void aSubmittedApplicationIsStoredWithItsAttachmentAndGetsAReceiptWithItsReference() throws Exception {
        String call = openCall(2041);
        ProcessInstance pi = process(call);
        assertThat(pi).isWaitingAt("applicationsClosed", "applicationReminderDue");

        ResponseEntity<String> sent = AwardPages.post(http, "/utmarkelser/" + call, "/utmarkelser/" + call,
                AwardPages.application("Hemtjänst Norr " + suffix, "norr-" + suffix + "@example.se", "QUALITY", "care",
                        true), Map.of("verksamhetsplan.pdf", AwardPages.PDF));

        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(302);
        String reference = sent.getHeaders().getLocation().getQuery().replace("ref=", "");
        assertThat(reference).matches("UTA-2041-\\d{6}");
        assertThat(http.getForEntity("/utmarkelser/tack?ref=" + reference, String.class).getBody())
                .contains(reference);
        assertThat(MailText.plainText(onlyMailTo("norr-" + suffix + "@example.se"))).contains(reference)
                .contains(call).contains("Antal bilagor: 1");
        assertThat(jdbc.queryForObject("select count(*) from app.award_attachment t join app.award_application a "
                + "on a.id = t.application_id where a.reference = ? and t.content_type = 'application/pdf'",
                Integer.class, reference)).isEqualTo(1);
        assertThat(http.getForEntity("/utmarkelser", String.class).getBody()).contains(call);
    }

    @Test
    void whoStartedButDidNotSubmitIsRemindedBeforeTheClosingDateOnce() throws Exception {
        String call = openCall(2042);
        ProcessInstance pi = process(call);
        Map<String, String> draft = new LinkedHashMap<>(Map.of("applicant", "Skolan Väst " + suffix,
                "contactEmail", "vast-" + suffix + "@example.se", "answer_K1", "Elevråd varje vecka.",
                "action", "draft"));
        ResponseEntity<String> saved = AwardPages.post(http, "/utmarkelser/" + call, "/utmarkelser/" + call, draft,
                Map.of());
        assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(302);
        String draftPath = saved.getHeaders().getLocation().getPath();
        ResponseEntity<String> draftPage = http.getForEntity(draftPath, String.class);
        assertThat(draftPage.getBody()).contains("Elevråd varje vecka.");
        assertThat(draftPage.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(MailText.plainText(onlyMailTo("vast-" + suffix + "@example.se"))).contains(draftPath);
        AwardPages.post(http, "/utmarkelser/" + call, "/utmarkelser/" + call, AwardPages.application("Skolan Öst "
                + suffix, "ost-" + suffix + "@example.se", "INNOVATION", "education", false), Map.of());
        mailCatcher.purgeEmailFromAllMailboxes();

        execute(job("applicationReminderDue", pi));
        assertThat(pi).isWaitingAt("remindApplicants", "applicationsClosed");
        execute(job("remindApplicants", pi));

        assertThat(pi).hasPassed("applicantsReminded").isWaitingAt("applicationsClosed");
        assertThat(MailText.plainText(onlyMailTo("vast-" + suffix + "@example.se"))).contains("2042-03-31")
                .contains(draftPath);
        assertThat(mailsTo("ost-" + suffix + "@example.se")).isEmpty();

        clock.pin(ZonedDateTime.of(2042, 4, 1, 8, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        assertThat(http.getForEntity(draftPath, String.class).getBody()).contains("Utlysningen är stängd")
                .doesNotContain("<textarea");
    }

    @Test
    void afterTheClosingDateNothingIsTakenAndACallWithoutApplicationsEnds() throws Exception {
        String call = openCall(2043);
        ProcessInstance pi = process(call);

        ResponseEntity<String> late = AwardPages.post(http, "/utmarkelser/" + call, "/utmarkelser/" + call,
                AwardPages.application("Sen " + suffix, "sen-" + suffix + "@example.se", "QUALITY", "care", true),
                Map.of("plan.pdf", AwardPages.PDF), () -> clock.pin(ZonedDateTime.of(2043, 4, 1, 0, 5, 0, 0,
                        ClockConfiguration.MUNICIPAL_ZONE)));

        assertThat(late.getStatusCode().value()).isEqualTo(422);
        assertThat(late.getBody()).contains("Sista ansökningsdag var 2043-03-31");
        assertThat(http.getForEntity("/utmarkelser/" + call, String.class).getBody())
                .contains("Utlysningen är stängd").doesNotContain("<textarea");
        assertThat(applications(call)).isZero();
        assertThat(mailsTo("sen-" + suffix + "@example.se")).isEmpty();

        // The reminder day came first (seven days before the closing date), with no draft to remind.
        execute(job("applicationReminderDue", pi));
        execute(job("remindApplicants", pi));
        execute(job("applicationsClosed", pi));

        assertThat(pi).hasPassed("closeApplications").isEnded().hasPassed("noApplications");
        assertThat(http.getForEntity("/utmarkelser", String.class).getBody()).doesNotContain(call);
    }

    /**
     * A file over 10 MB is refused by the multipart limit before the form is read: the applicant gets a page that
     * says so and to go back, and nothing is stored. AttachmentTest has the rule itself.
     */
    @Test
    void anOverLargeAttachmentIsRefusedWithAPageAndNothingIsStored() throws Exception {
        String call = openCall(2045);

        ResponseEntity<String> refused = AwardPages.post(http, "/utmarkelser/" + call, "/utmarkelser/" + call,
                AwardPages.application("Biblioteket " + suffix, "bibl-" + suffix + "@example.se", "QUALITY", "streets",
                        true), Map.of("stor.pdf", new byte[11 * 1024 * 1024]));

        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        assertThat(refused.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(refused.getBody()).contains("högst 10 MB", "Inget sparades", "Gå tillbaka");
        assertThat(applications(call)).isZero();
    }

    @Test
    void badInputOnThePageIsRefusedWithEveryErrorAndNothingIsStored() throws Exception {
        String call = openCall(2044);
        Map<String, String> missing = new LinkedHashMap<>(AwardPages.application("Parken " + suffix,
                "park-" + suffix + "@example.se", "QUALITY", "streets", true));
        missing.put("answer_K2", " ");
        missing.put("category", "NOPE");

        ResponseEntity<String> refused = AwardPages.post(http, "/utmarkelser/" + call, "/utmarkelser/" + call,
                missing, Map.of("bild.png", AwardPages.PDF, "skript.exe", "MZ".getBytes()));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("Det finns fel").contains("Beskriv hur ni uppfyller kriteriet "
                + "Planering och uppföljning").contains("Välj en av utlysningens kategorier")
                .contains("bild.png är inte en PDF eller en bild").contains("skript.exe")
                .contains("href=\"#answer-K2\"").contains("Parken " + suffix);
        assertThat(applications(call)).isZero();
        assertThat(mailsTo("park-" + suffix + "@example.se")).isEmpty();
    }

    @Test
    void theCallIsOpenedOnlyWithValidRulesAndAJuryOfTheJuryGroup() throws Exception {
        clock.pin(ZonedDateTime.of(2045, 3, 1, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        ResponseEntity<String> refused = post("sara", """
                {"categories":[],"criteria":[{"code":"K1","title":"","weight":11}],"closingDate":"2045-02-01",
                 "jury":["anna"]}""");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).get("errors").findValuesAsText("field")).contains("categories",
                "criteria[0].title", "criteria[0].weight", "closingDate", "jury[0]");
        assertThat(post("anna", callJson("2045-03-31")).getStatusCode().value()).isEqualTo(403);
        assertThat(http.postForEntity("/api/awards/calls", new HttpEntity<>(callJson("2045-03-31"), jsonHeaders()),
                String.class).getStatusCode().value()).isEqualTo(401);
    }

    /**
     * The MUST SHOW: a seeded call with four applications (A–D) and three jury members; Lena declares a conflict of
     * interest on C. The hand calculation (criteria K1–K3 weighted 3:2:1, the scores of {@link RankingTest}):
     * <pre>
     *      K1 (w3)      K2 (w2)      K3 (w1)    weighted mean
     * A  (4+4+5)/3   (3+4+3)/3   (5+4+3)/3   (13 + 20/3 + 4)/6 = 71/18 = 3.94
     * B  (5+4+5)/3   (5+5+4)/3   (2+3+4)/3   (14 + 28/3 + 3)/6 = 79/18 = 4.39
     * C  (5+4)/2     (4+4)/2     (4+5)/2     (13.5 + 8 + 4.5)/6 = 78/18 = 4.33   (Karin and Omar only)
     * D  (2+3+2)/3   (3+2+2)/3   (4+5+3)/3   (7 + 14/3 + 4)/6  = 47/18 = 2.61
     * </pre>
     * Order B, C, A, D. A and B agreed to share, C and D did not; the chair proposes B.
     */
    @Test
    void seededCallRanksAsByHandAndGoodExamplesShowTheWinnerAndNoUnsharedApplication() throws Exception {
        String call = openCall(2046);
        ProcessInstance pi = process(call);
        Map<String, String> refs = new LinkedHashMap<>();
        for (String letter : List.of("A", "B", "C", "D")) {
            boolean share = letter.equals("A") || letter.equals("B");
            ResponseEntity<String> sent = AwardPages.post(http, "/utmarkelser/" + call, "/utmarkelser/" + call,
                    AwardPages.application("Enhet " + letter + " " + suffix, letter.toLowerCase() + "-" + suffix
                            + "@example.se", "QUALITY", "care", share), Map.of());
            assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(302);
            refs.put(letter, sent.getHeaders().getLocation().getQuery().replace("ref=", ""));
        }
        execute(job("applicationReminderDue", pi));
        execute(job("remindApplicants", pi));
        clock.pin(ZonedDateTime.of(2046, 4, 1, 0, 5, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        execute(job("applicationsClosed", pi));
        assertThat(pi).hasPassed("closeApplications").isWaitingAt("declareConflicts");
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("declareConflicts")
                .list()).extracting(Task::getAssignee).containsExactlyInAnyOrder("karin", "lena", "omar");

        declareConflicts(pi, "karin", List.of());
        // Lena as Tasklist does it: the form submitted through the engine REST API, checked by the client guard
        // against the options the server wrote; an option that is not one is refused.
        String lenaConflicts = task(pi, "declareConflicts", "lena").getId();
        ResponseEntity<String> form = http.withBasicAuth("lena", DEMO).getForEntity("/engine-rest/task/"
                + lenaConflicts + "/deployed-form", String.class);
        assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(200);
        assertThat(form.getBody()).contains("conflictChoices");
        assertThat(http.withBasicAuth("lena", DEMO).getForEntity("/engine-rest/task/" + lenaConflicts
                + "/form-variables?deserializeValues=false", String.class).getBody()).contains(refs.get("C"));
        assertThat(submitForm(lenaConflicts, "declaredConflicts", json.writeValueAsString(List.of("UTA-1999-000001")),
                "Json").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> declared = submitForm(lenaConflicts, "declaredConflicts",
                json.writeValueAsString(List.of(refs.get("C"))), "Json");
        assertThat(declared.getStatusCode().value()).as(declared.getBody()).isEqualTo(204);
        declareConflicts(pi, "omar", List.of());

        // Lena's sheet and lines leave C out; Karin's has all four. C is hidden from Lena on the reading page too.
        Task lenaScores = task(pi, "scoreApplications", "lena");
        assertThat(taskService.getVariable(lenaScores.getId(), "scoringSheet").toString())
                .contains(refs.get("A")).doesNotContain(refs.get("C"));
        assertThat(taskService.getVariable(lenaScores.getId(), "juryScores").toString())
                .contains(refs.get("D") + ";K3;;").doesNotContain(refs.get("C"));
        assertThat(http.withBasicAuth("lena", DEMO).getForEntity("/utmarkelser/ansokningar/" + refs.get("C"),
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.withBasicAuth("karin", DEMO).getForEntity("/utmarkelser/ansokningar/" + refs.get("C"),
                String.class).getBody()).contains("Enhet C " + suffix);

        // A score for C from Lena, who declared a conflict on it, and a score outside 1-5: refused, nothing stored.
        String lena = lines(refs, Map.of("A", new int[] {4, 4, 4}, "B", new int[] {4, 5, 3}, "D",
                new int[] {3, 2, 5}));
        assertThatThrownBy(() -> taskService.complete(lenaScores.getId(), withVariables("juryScores",
                lena + refs.get("C") + ";K1;5;Jävig men försöker.\n"))).hasMessageContaining("jäv")
                .hasMessageContaining(refs.get("C"));
        assertThatThrownBy(() -> taskService.complete(lenaScores.getId(), withVariables("juryScores",
                lena.replace(refs.get("A") + ";K1;4;", refs.get("A") + ";K1;6;")))).hasMessageContaining("1 till 5")
                .hasMessageContaining("range");
        assertThat(jdbc.queryForObject("select count(*) from app.award_score where member = 'lena' and call_id = "
                + "(select id from app.award_call where reference = ?)", Integer.class, call)).isZero();
        assertThat(lenaScores.getId()).isEqualTo(task(pi, "scoreApplications", "lena").getId());

        ResponseEntity<String> scored = submitForm(lenaScores.getId(), "juryScores", lena, "String");
        assertThat(scored.getStatusCode().value()).as(scored.getBody()).isEqualTo(204);
        complete(task(pi, "scoreApplications", "karin"), withVariables("juryScores", lines(refs, Map.of(
                "A", new int[] {4, 3, 5}, "B", new int[] {5, 5, 2}, "C", new int[] {5, 4, 4}, "D", new int[] {2, 3, 4}))));
        assertThat(pi).isWaitingAt("scoreApplications");
        // The jury's time has passed with Omar not done: he alone is reminded (the escalation path), once.
        mailCatcher.purgeEmailFromAllMailboxes();
        execute(job("juryDeadlinePassed", pi));
        execute(job("remindJury", pi));
        assertThat(pi).hasPassed("juryReminded");
        assertThat(mailsTo("omar@kommun.example")).hasSize(1);
        assertThat(mailsTo("karin@kommun.example")).isEmpty();
        complete(task(pi, "scoreApplications", "omar"), withVariables("juryScores", lines(refs, Map.of(
                "A", new int[] {5, 3, 3}, "B", new int[] {5, 4, 4}, "C", new int[] {4, 4, 5}, "D", new int[] {2, 2, 3}))));

        assertThat(pi).hasPassed("juryAssessment", "computeRanking").isWaitingAt("proposeWinners");
        String ranking = (String) runtimeService.getVariable(pi.getId(), "awardRanking");
        assertThat(Arrays.stream(ranking.split("\n")).map(line -> line.substring(0, line.indexOf(" Enhet"))))
                .containsExactly("1. " + refs.get("B"), "2. " + refs.get("C"), "3. " + refs.get("A"),
                        "4. " + refs.get("D"));
        assertThat(ranking).contains("4.39", "4.33", "3.94", "2.61");
        Task proposal = BpmnAwareTests.task("proposeWinners", pi);
        assertThat(proposal).hasCandidateGroup("awardChairs");
        assertThat(taskService.getVariable(proposal.getId(), "winnerMotivations")).isEqualTo(refs.get("B") + ": \n");

        assertThatThrownBy(() -> taskService.complete(proposal.getId(), withVariables("winnerMotivations",
                refs.get("B") + ":"))).hasMessageContaining("motivering");
        complete(proposal, withVariables("winnerMotivations", refs.get("B")
                + ": Enhet B har gjort brukarnas röst till grunden för hela planeringen."));
        assertThat(pi).hasPassed("recordDecision").isWaitingAt("sendOutcome");
        mailCatcher.purgeEmailFromAllMailboxes();
        execute(job("sendOutcome", pi));
        assertThat(pi).isEnded().hasPassed("applicantsInformed");

        assertThat(MailText.plainText(onlyMailTo("b-" + suffix + "@example.se"))).contains("Grattis")
                .contains("brukarnas röst");
        assertThat(MailText.plainText(onlyMailTo("d-" + suffix + "@example.se"))).contains("inte vinnare")
                .doesNotContain("Grattis");

        String page = http.getForEntity("/goda-exempel?year=2046", String.class).getBody();
        assertThat(page).contains("Enhet B " + suffix).contains("vinnare")
                .contains("Enhet B har gjort brukarnas röst till grunden för hela planeringen.")
                .contains("Enhet A " + suffix + " har brukarråd varje månad.")
                .doesNotContain("Enhet C " + suffix).doesNotContain("Enhet D " + suffix);
        JsonNode api = json.readTree(http.getForEntity("/api/goda-exempel?year=2046&area=care", String.class)
                .getBody());
        assertThat(api.findValuesAsText("applicant")).filteredOn(name -> name.endsWith(suffix))
                .containsExactly("Enhet B " + suffix, "Enhet A " + suffix);
        assertThat(http.getForEntity("/goda-exempel?area=streets&year=2046", String.class).getBody())
                .doesNotContain("Enhet B " + suffix);
    }

    @Test
    void goodExamplesRefuseABadYearClearlyAndShowOnlyDecidedCalls() {
        String call = openCall(2047);
        AwardPages.post(http, "/utmarkelser/" + call, "/utmarkelser/" + call, AwardPages.application("Öppen "
                + suffix, "oppen-" + suffix + "@example.se", "QUALITY", "care", true), Map.of());

        String page = http.getForEntity("/goda-exempel?year=tjugo", String.class).getBody();

        assertThat(page).contains("fyra siffror").doesNotContain("Öppen " + suffix);
        assertThat(http.getForEntity("/api/goda-exempel?year=tjugo", String.class).getStatusCode().value())
                .isEqualTo(400);
    }

    // --- helpers ---

    private String openCall(int year) {
        clock.pin(ZonedDateTime.of(year, 3, 1, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        ResponseEntity<String> opened = post("sara", callJson(year + "-03-31"));
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        try {
            return json.readTree(opened.getBody()).get("reference").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String callJson(String closingDate) {
        return """
                {"categories":[{"code":"QUALITY","name":"Kvalitetsutmärkelse"},
                               {"code":"INNOVATION","name":"Innovationspris"}],
                 "criteria":[{"code":"K1","title":"Kunden i fokus","weight":3},
                             {"code":"K2","title":"Planering och uppföljning","weight":2},
                             {"code":"K3","title":"Resultat","weight":1}],
                 "closingDate":"%s","jury":["karin","lena","omar"]}""".formatted(closingDate);
    }

    private ResponseEntity<String> post(String user, String body) {
        return http.withBasicAuth(user, DEMO).postForEntity("/api/awards/calls", new HttpEntity<>(body,
                jsonHeaders()), String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private ProcessInstance process(String call) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(call).singleResult();
    }

    private Task task(ProcessInstance pi, String key, String assignee) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .taskAssignee(assignee).singleResult();
    }

    private void declareConflicts(ProcessInstance pi, String member, List<String> references) throws Exception {
        complete(task(pi, "declareConflicts", member), withVariables("declaredConflicts",
                SpinValues.jsonValue(json.writeValueAsString(references)).create()));
    }

    /** Tasklist's submission of a Camunda Form, as Lena. */
    private ResponseEntity<String> submitForm(String taskId, String name, String value, String type) throws Exception {
        String body = json.writeValueAsString(Map.of("variables", Map.of(name, Map.of("value", value, "type", type))));
        return http.withBasicAuth("lena", DEMO).postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                new HttpEntity<>(body, jsonHeaders()), String.class);
    }

    /** One line per application and criterion, as the member fills them in. */
    private static String lines(Map<String, String> refs, Map<String, int[]> scores) {
        StringBuilder lines = new StringBuilder();
        scores.forEach((letter, values) -> {
            for (int i = 0; i < values.length; i++) {
                lines.append(refs.get(letter)).append(";K").append(i + 1).append(';').append(values[i])
                        .append(";Motiverat.\n");
            }
        });
        return lines.toString();
    }

    private int applications(String call) {
        return jdbc.queryForObject("select count(*) from app.award_application where call_id = (select id from "
                + "app.award_call where reference = ?)", Integer.class, call);
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        return Arrays.stream(mailCatcher.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().contains(address));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).as("mails to " + address).hasSize(1);
        return mails.get(0);
    }
}
