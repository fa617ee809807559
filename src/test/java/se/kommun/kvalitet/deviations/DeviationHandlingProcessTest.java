package se.kommun.kvalitet.deviations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.deviations.intake.DeviationIntake;
import se.kommun.kvalitet.deviations.intake.NewDeviation;
import se.kommun.kvalitet.deviations.process.DeviationProcess;
import se.kommun.kvalitet.deviations.record.Deviation;
import se.kommun.kvalitet.deviations.record.DeviationRepository;
import se.kommun.kvalitet.deviations.record.DeviationStatus;
import se.kommun.kvalitet.localrun.MailText;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * One test per path through processes/deviation-handling.bpmn. The application's clock is pinned to Monday 4 May
 * 2026, 10:00 in Stockholm, so every due date is known and counted by hand here (1 May and Ascension Day, 14 May,
 * are holidays; due dates fall at 16:00):
 * <pre>
 *   risk assessment, 1 working day from the report         -> Tue 5 May (reminder Mon 4 May)
 *   lex Sarah / lex Maria investigation, 20 working days    -> 5 6 7 8 | 11 12 13 15 | 18-22 | 25-29 | 1 2 -> Tue 2 June
 *   report to IVO, 5 working days from the decision (4 May) -> 5 6 7 8 11 -> Mon 11 May
 *   measures: the decision's days from the decision (4 May)  -> VERY_HIGH 5 -> Mon 11 May; LOW 20 -> Tue 2 June
 * </pre>
 * Engine timers are not driven by the clock: the tests fire them by hand.
 */
@KvalitetIntegrationTest
class DeviationHandlingProcessTest {

    static final ZonedDateTime REPORTED = ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);
    /** Member of the quality group only during these tests: other tests expect that group to have nobody to mail. */
    static final String QUALITY_USER = "deviationQuality";
    static final String MAS_USER = "deviationMas";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    DeviationIntake intake;

    @Autowired
    DeviationRepository repository;

    @Autowired
    Organisation organisation;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        mailCatcher.purgeEmailFromAllMailboxes();
        clock.pin(REPORTED);
        createUser(QUALITY_USER, organisation.qualityGroup());
        createUser(MAS_USER, organisation.masGroup());
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        identityService.deleteUser(QUALITY_USER);
        identityService.deleteUser(MAS_USER);
    }

    @Test
    void lowRiskIsActedOnFollowedUpAndClosedWithItsLesson() throws Exception {
        ProcessInstance pi = report("SCHOOL_TRANSPORT", "education");

        assertThat(pi).hasPassed("registerDeviation", "setRiskDueDates").isWaitingAt("sendReceipt", "assessRisk");
        execute(job("sendReceipt", pi));
        MimeMessage receipt = onlyMailTo("bjorn@kommun.example");
        assertThat(receipt.getSubject()).isEqualTo("Avvikelse " + pi.getBusinessKey() + " mottagen");
        assertThat(MailText.plainText(receipt)).contains("Skolskjuts").doesNotContain("Bussen kom inte");
        assertThat(task("assessRisk", pi)).hasCandidateGroup("educationManagers")
                .hasCandidateGroup(organisation.qualityGroup()).hasDueDate(at16(2026, 5, 5));

        complete(task("assessRisk", pi), withVariables("consequence", 1, "likelihood", 2));
        assertThat(pi).hasPassed("evaluateRisk", "recordRisk", "lexSarahDone", "lexMariaDone")
                .hasNotPassed("setLexSarahDueDates", "setLexMariaDueDates").isWaitingAt("investigateAndAct");
        assertThat(task(pi)).hasDueDate(at16(2026, 6, 2));
        assertThat(repository.require(pi.getBusinessKey()).riskLevel()).isEqualTo("LOW");

        actOn(pi);
        assertThat(pi).isWaitingAt("followUpDue");
        execute(job("followUpDue", pi));
        complete(task("followUpEffect", pi), withVariables("measureEffective", true,
                "learningSummary", "Beställningen ska bekräftas av åkeriet."));

        assertThat(pi).isEnded().hasPassed("measureWorked", "closeDeviation", "deviationClosed");
        Deviation closed = repository.require(pi.getBusinessKey());
        assertThat(closed.status()).isEqualTo(DeviationStatus.CLOSED);
        assertThat(closed.learningSummary()).isEqualTo("Beställningen ska bekräftas av åkeriet.");
        assertThat(closed.rootCauseCategory()).isEqualTo("ROUTINE_NOT_FOLLOWED");
        assertThat(closed.measureDueOn()).isEqualTo(LocalDate.of(2026, 5, 29));
        assertThat(closed.followUps()).isEqualTo(1);
        assertThat(closed.closedAt()).isEqualTo(REPORTED.toInstant());
    }

    @Test
    void seriousLexSarahIsInvestigatedAndReportedToIvo() {
        ProcessInstance pi = assessed("ELDERLY_CARE", "care", 4, 3, true, false);

        assertThat(pi).hasPassed("setLexSarahDueDates").isWaitingAt("investigateLexSarah");
        assertThat(task(pi)).hasCandidateGroup("careManagers").hasDueDate(at16(2026, 6, 2));
        assertThat(repository.require(pi.getBusinessKey()).riskLevel()).isEqualTo("VERY_HIGH");
        complete(task(pi), withVariables("lexSarahInvestigation", "Larmet var avstängt under natten."));
        assertThat(pi).isWaitingAt("assessSeriousness");
        complete(task(pi), withVariables("lexSarahSerious", true, "lexSarahSeriousReason", "Påtaglig fara för liv."));

        assertThat(pi).hasPassed("setLexSarahIvoDueDates").isWaitingAt("reportLexSarahToIvo");
        assertThat(task(pi)).hasCandidateGroup("careManagers").hasDueDate(at16(2026, 5, 11));
        complete(task(pi), withVariables("ivoSentOn", "2026-05-04", "ivoSentBy", "Maria Lind, verksamhetschef",
                "ivoReference", "IVO 3.5.1-12345/2026"));

        assertThat(pi).hasNotPassed("setLexMariaDueDates").isWaitingAt("investigateAndAct");
        assertThat(task(pi)).hasDueDate(at16(2026, 5, 11));
        Deviation deviation = repository.require(pi.getBusinessKey());
        assertThat(deviation.lexSarahInvestigation()).isEqualTo("Larmet var avstängt under natten.");
        assertThat(deviation.lexSarahSerious()).isTrue();
        assertThat(repository.ivoReferences(pi.getBusinessKey())).containsExactlyEntriesOf(
                Map.of("LEX_SARAH", "IVO 3.5.1-12345/2026"));
        // The texts live in the table; the process keeps only what it routes on.
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("description", "place",
                "lexSarahInvestigation", "lexSarahSeriousReason", "ivoSentBy", "ivoReference", "ivoSentOn")
                .containsEntry("lexSarahSerious", true);
    }

    @Test
    void lexSarahThatIsNotSeriousGoesToMeasuresWithoutIvo() {
        ProcessInstance pi = assessed("DISABILITY_SUPPORT", "care", 2, 2, true, false);

        complete(task(pi), withVariables("lexSarahInvestigation", "Personalen följde inte genomförandeplanen."));
        complete(task(pi), withVariables("lexSarahSerious", false, "lexSarahSeriousReason", "Ingen skada, rättat."));

        assertThat(pi).hasPassed("lexSarahReported").hasNotPassed("setLexSarahIvoDueDates", "reportLexSarahToIvo")
                .isWaitingAt("investigateAndAct");
        assertThat(repository.ivoReferences(pi.getBusinessKey())).isEmpty();
        assertThat(repository.require(pi.getBusinessKey()).lexSarahSerious()).isFalse();
    }

    @Test
    void lexMariaGoesToTheMasGroupAndIsReportedToIvo() {
        ProcessInstance pi = assessed("HEALTH_CARE", "care", 3, 3, false, true);

        assertThat(pi).hasPassed("setLexMariaDueDates").hasNotPassed("setLexSarahDueDates").isWaitingAt("investigateLexMaria");
        assertThat(task(pi)).hasCandidateGroup(organisation.masGroup()).hasDueDate(at16(2026, 6, 2));
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(task(pi).getId()))
                .noneMatch(link -> "careManagers".equals(link.getGroupId()));
        complete(task(pi), withVariables("lexMariaInvestigation", "Fel dos gavs vid kvällsmedicineringen."));
        assertThat(pi).isWaitingAt("reportLexMariaToIvo");
        assertThat(task(pi)).hasCandidateGroup(organisation.masGroup()).hasDueDate(at16(2026, 5, 11));
        complete(task(pi), withVariables("ivoSentOn", "2026-05-04", "ivoSentBy", "Mats Holm, MAS",
                "ivoReference", "IVO 3.5.1-999/2026"));

        assertThat(pi).isWaitingAt("investigateAndAct");
        assertThat(repository.ivoReferences(pi.getBusinessKey())).containsEntry("LEX_MARIA", "IVO 3.5.1-999/2026");
        assertThat(repository.require(pi.getBusinessKey()).lexMariaInvestigation()).contains("Fel dos");
    }

    @Test
    void anIneffectiveMeasureGoesBackToMeasures() {
        ProcessInstance pi = assessed("OTHER", "service", 2, 1, false, false);
        actOn(pi);
        execute(job("followUpDue", pi));

        complete(task("followUpEffect", pi), withVariables("measureEffective", false));

        assertThat(pi).hasPassed("measureWorked").isWaitingAt("investigateAndAct");
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("investigateAndAct").count()).isEqualTo(2);
        Deviation again = repository.require(pi.getBusinessKey());
        assertThat(again.status()).isEqualTo(DeviationStatus.MEASURES);
        assertThat(again.followUps()).isEqualTo(1);
        assertThat(again.measureEffective()).isFalse();
    }

    @Test
    void everyDueDateRemindsAndThenEscalatesToTheQualityGroup() throws Exception {
        ProcessInstance pi = report("ELDERLY_CARE", "care");
        execute(job("sendReceipt", pi));
        String reference = pi.getBusinessKey();

        remindAndEscalate(pi, "riskAssessment", "maria@kommun.example", reference + "/risk");
        complete(task(pi), withVariables("consequence", 4, "likelihood", 4, "lexSarah", true, "lexMaria", true));
        remindAndEscalate(pi, "lexSarahInvestigation", "maria@kommun.example", reference + "/lexSarah");
        complete(task(pi), withVariables("lexSarahInvestigation", "Utrett."));
        complete(task(pi), withVariables("lexSarahSerious", true, "lexSarahSeriousReason", "Allvarligt."));
        remindAndEscalate(pi, "lexSarahIvoReport", "maria@kommun.example", reference + "/lexSarahIvo");
        complete(task(pi), withVariables("ivoSentOn", "2026-05-04", "ivoSentBy", "Maria", "ivoReference", "IVO-1"));
        remindAndEscalate(pi, "lexMariaInvestigation", MAS_USER + "@kommun.example", reference + "/lexMaria");
        complete(task(pi), withVariables("lexMariaInvestigation", "Utrett."));
        remindAndEscalate(pi, "lexMariaIvoReport", MAS_USER + "@kommun.example", reference + "/lexMariaIvo");
        complete(task(pi), withVariables("ivoSentOn", "2026-05-04", "ivoSentBy", "Mats", "ivoReference", "IVO-2"));
        remindAndEscalate(pi, "measures", "maria@kommun.example", reference + "/measures");

        assertThat(pi).isWaitingAt("investigateAndAct");
    }

    @Test
    void outOfRangeRiskValuesAndATrackTheAreaDoesNotHaveAreRefused() {
        ProcessInstance pi = report("SCHOOL", "education");
        execute(job("sendReceipt", pi));

        assertThatThrownBy(() -> complete(task("assessRisk", pi), withVariables("consequence", 5, "likelihood", 0)))
                .hasMessageContaining("consequence").hasMessageContaining("likelihood");
        assertThatThrownBy(() -> complete(task("assessRisk", pi), withVariables("consequence", 2, "likelihood", 2,
                "lexSarah", true))).hasMessageContaining("lexSarah");
        assertThat(pi).isWaitingAt("assessRisk");
        assertThat(repository.require(pi.getBusinessKey()).consequence()).isNull();
    }

    @Test
    void aReportFromTasklistsStartFormIsStoredAndItsTextsLeaveTheProcess() {
        identityService.setAuthentication("bjorn", List.of("careOfficers"));
        ProcessInstance pi;
        try {
            pi = runtimeService.startProcessInstanceByKey(DeviationProcess.PROCESS_KEY, Map.of("area", "HOME_CARE",
                    "unit", "care", "occurredAt", "2026-05-04T08:15", "place", "Brukarens bostad",
                    "description", "Besöket kl. 8 uteblev.", "affectedPersonRef", "HT-0042"));
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(pi.getBusinessKey()).matches("AVV-2026-\\d{6}");
        assertThat(pi).isWaitingAt("sendReceipt", "assessRisk");
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("description", "place",
                "affectedPersonRef", "occurredAt").containsEntry("managerGroup", "careManagers");
        Deviation stored = repository.require(pi.getBusinessKey());
        assertThat(stored.reportedBy()).isEqualTo("bjorn");
        assertThat(stored.occurredAt()).isEqualTo(REPORTED.withHour(8).withMinute(15).toInstant());
        assertThat(stored.affectedPersonRef()).isEqualTo("HT-0042");
    }

    /** Fires the reminder, then the escalation, of the step at hand; each mails once, to the right people. */
    private void remindAndEscalate(ProcessInstance pi, String timers, String reminded, String escalatedReference)
            throws Exception {
        mailCatcher.purgeEmailFromAllMailboxes();
        execute(job(timers + "ReminderDue", pi));
        execute(job("remind" + capitalised(timers), pi));
        assertThat(onlyMailTo(reminded).getSubject()).contains(escalatedReference);
        execute(job(timers + "DueDateReached", pi));
        execute(job("escalate" + capitalised(timers), pi));
        assertThat(onlyMailTo(QUALITY_USER + "@kommun.example").getSubject()).contains(escalatedReference);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private ProcessInstance report(String area, String unit) {
        String reference = intake.report(new NewDeviation(area, unit, "2026-05-04T07:30:00+02:00", "Korridoren",
                "Bussen kom inte och ingen larmade.", "Föräldrarna ringdes upp.", "R-17"), "bjorn").reference();
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
    }

    private ProcessInstance assessed(String area, String unit, int consequence, int likelihood, boolean lexSarah,
            boolean lexMaria) {
        ProcessInstance pi = report(area, unit);
        execute(job("sendReceipt", pi));
        complete(task("assessRisk", pi), withVariables("consequence", consequence, "likelihood", likelihood,
                "lexSarah", lexSarah, "lexMaria", lexMaria));
        return pi;
    }

    private void actOn(ProcessInstance pi) {
        complete(task("investigateAndAct", pi), withVariables("rootCauseCategory", "ROUTINE_NOT_FOLLOWED",
                "rootCause", "Ingen kontrollerade listan.", "measures", "Daglig avstämning med åkeriet.",
                "measureOwner", "Enhetschef skolskjuts", "measureDueOn", "2026-05-29"));
    }

    private void createUser(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            identityService.deleteUser(id);
        }
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setEmail(id + "@kommun.example");
        user.setPassword("Demo-Kvalitet-2026!");
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }

    private static Date at16(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atTime(LocalTime.of(16, 0))
                .atZone(ClockConfiguration.MUNICIPAL_ZONE).toInstant());
    }

    private MimeMessage onlyMailTo(String recipient) throws Exception {
        List<MimeMessage> mails = Arrays.stream(mailCatcher.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().contains(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mails).as("mails to " + recipient).hasSize(1);
        return mails.get(0);
    }
}
