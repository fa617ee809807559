package se.kommun.kvalitet.cases.process;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.record.CaseEvent;
import se.kommun.kvalitet.cases.record.CaseStatus;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.cases.record.CitizenCase;
import se.kommun.kvalitet.escalation.Escalations;
import se.kommun.kvalitet.localrun.MailText;
import se.kommun.kvalitet.organisation.Organisation;
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
 * One test per path through processes/case-handling.bpmn, read top to bottom like the diagram.
 * <p>
 * The application's clock is pinned (Swedish time) so that every date is known in advance, whatever the
 * machine's time zone or hour: the expected dates are counted by hand on the 2026 calendar below, not with
 * the calendar code under test. SLA moments fall at 16:00 Swedish time.
 * <pre>
 *   May 2026                     1 May (Fri) and Ascension Day, 14 May (Thu), are public holidays
 *   Mo Tu We Th Fr               June 2026: National Day, 6 June, is a Saturday
 *            -- 1
 *    4  5  6  7  8               Received Mon 4 May; 10 working days: 5 6 7 8 11 12 13 15 18 19
 *   11 12 13 -- 15                 -> due Tue 19 May, reminder Fri 15 May, second escalation Tue 26 May
 *   18 19 20 21 22               Paused Tue 12 May: wait at most 10 working days -> Wed 27 May
 *   25 26 27 28 29
 * </pre>
 */
@KvalitetIntegrationTest
class CaseHandlingProcessTest {

    /** Monday 4 May 2026, 10:00 in Stockholm: the day the test cases arrive. */
    static final ZonedDateTime RECEIVED = ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);

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
    JavaMailSenderImpl mailSender;

    @Autowired
    SettableClock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    Organisation organisation;

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
    void complaintIsAcknowledgedInvestigatedActedOnAndAnswered() throws Exception {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", "eva@example.se", "sv", null);

        assertThat(pi).hasPassed("routeCase", "setSlaDueDates", "recordRouting")
                .isWaitingAt("sendAcknowledgement", "investigate");
        assertThat(task(pi)).hasCandidateGroup("careOfficers").hasDueDate(at16(2026, 5, 19));
        execute(job("sendAcknowledgement", pi));
        assertThat(onlyMailTo("eva@example.se").getSubject()).isEqualTo("Vi har tagit emot ditt ärende " + reference(pi));

        complete(task(pi), withVariables("findings", "Schemat var fel.", "investigationOutcome", "continue"));
        assertThat(pi).isWaitingAt("act");
        complete(task(pi), withVariables("measures", "Schemat rättat.", "rootCause", "ROUTINE_MISSING"));
        assertThat(pi).isWaitingAt("giveFeedback");
        complete(task(pi), withVariables("feedback", "Vi har rättat schemat. Tack!"));
        assertThat(pi).isWaitingAt("sendFeedback");
        execute(job("sendFeedback", pi));

        // Closed, and waiting for the satisfaction question in the feedback mail (SurveyProcessTest).
        assertThat(pi).hasPassed("closeCase").isWaitingAt("awaitSurveyAnswer");
        MimeMessage feedback = lastMailTo("eva@example.se");
        assertThat(feedback.getSubject()).contains(reference(pi));
        assertThat(body(feedback)).contains("Vi har rättat schemat. Tack!");
        CitizenCase closed = work.find(reference(pi));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.measures()).isEqualTo("Schemat rättat.");
        assertThat(closed.rootCause()).isEqualTo("ROUTINE_MISSING");
    }

    @Test
    void officerRegistersALetterWithTheDateItArrived() {
        ProcessInstance pi = startFromTasklist(Map.of("caseType", "COMPLAINT", "category", "ELDERLY_CARE",
                "description", "Brev om sena besök.", "channel", "LETTER", "receivedOn", "2026-04-02",
                "contactName", "Karl Brevsson", "contactEmail", "karl@example.se", "language", "sv"));

        String reference = (String) runtimeService.getVariable(pi.getId(), CaseProcess.CASE_REFERENCE.name());
        assertThat(reference).matches("SYN-\\d{4}-\\d{6}");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo(reference);
        assertThat(pi).hasPassed("registerCase").isWaitingAt("sendAcknowledgement", "investigate");
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("description", "contactName",
                "contactEmail");
        CitizenCase letter = work.find(reference);
        assertThat(letter.channel()).isEqualTo(Channel.LETTER);
        assertThat(letter.contactEmail()).isEqualTo("karl@example.se");
        // Thu 2 April; Good Friday 3 April and Easter Monday 6 April are holidays: 7 8 9 10 13 14 15 16 17 20.
        assertThat(letter.dueDate()).isEqualTo(LocalDate.of(2026, 4, 20));
    }

    @Test
    void officerRegistrationWithoutCategoryIsRefusedAndStoresNothing() {
        long before = caseCount();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> startFromTasklist(Map.of("caseType", "COMPLAINT",
                "description", "Saknar kategori.", "channel", "PHONE", "language", "sv")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasMessageContaining("category: obligatoriskt fält saknas");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void anonymousCaseIsHandledTheSameWayWithoutMail() {
        ProcessInstance pi = submit(CaseType.SUGGESTION, "CULTURE_LEISURE", null, "sv", null);

        execute(job("sendAcknowledgement", pi));
        complete(task(pi), withVariables("findings", "Bra idé.", "investigationOutcome", "continue"));
        complete(task(pi), withVariables("measures", "Tas upp i budgeten.", "rootCause", "NO_FAULT"));
        complete(task(pi), withVariables("feedback", "Tack för förslaget."));
        execute(job("sendFeedback", pi));

        // No e-mail, so no survey to wait for.
        assertThat(pi).isEnded().hasPassed("caseClosed");
        assertThat(mailCatcher.getReceivedMessages()).isEmpty();
        assertThat(work.find(reference(pi)).feedback()).isEqualTo("Tack för förslaget.");
    }

    @Test
    void englishSpeakerGetsEnglishMail() throws Exception {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "SCHOOL", "sam@example.com", "en", null);

        execute(job("sendAcknowledgement", pi));

        assertThat(onlyMailTo("sam@example.com").getSubject()).isEqualTo("We have received your case " + reference(pi));
    }

    @Test
    void praiseIsThankedAndPassedToTheUnit() throws Exception {
        ProcessInstance pi = submit(CaseType.PRAISE, "ELDERLY_CARE", "glad@example.se", "sv", null);

        assertThat(pi).isWaitingAt("sendAcknowledgement", "sendPraiseThanks");
        execute(job("sendAcknowledgement", pi));
        execute(job("sendPraiseThanks", pi));
        assertThat(pi).isWaitingAt("readPraise");
        assertThat(task(pi)).hasCandidateGroup("careOfficers");
        complete(task(pi), withVariables("praiseShared", true));

        assertThat(pi).isEnded().hasPassed("praisePassedOn");
        assertThat(mailCatcher.getReceivedMessages()).hasSize(2);
        assertThat(work.find(reference(pi)).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void simpleQuestionGoesToTheContactCentreWithTwoWorkingDays() {
        ProcessInstance pi = submit(CaseType.QUESTION, "OTHER", null, "sv", null);

        assertThat(task(pi)).hasCandidateGroup("serviceOfficers");
        assertThat(work.find(reference(pi)).dueDate()).isEqualTo(LocalDate.of(2026, 5, 6));
    }

    @Test
    void answeredSupplementResumesTheCaseAndMovesEverySlaDateByTheWorkingDaysPaused() throws Exception {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "SCHOOL", "fraga@example.se", "sv", null);
        assertSlaDates(pi, at16(2026, 5, 19), at16(2026, 5, 15), at16(2026, 5, 26));

        pauseOnTuesday12May(pi, "Vilken skola gäller det?");
        assertThat(body(lastMailTo("fraga@example.se"))).contains("Vilken skola gäller det?",
                "Svara gärna senast 27 maj 2026.");
        assertThat(work.find(reference(pi)).status()).isEqualTo(CaseStatus.WAITING_FOR_CITIZEN);

        // Answered Mon 18 May: paused 13, 15 and 18 May (the 14th is Ascension Day), 3 working days.
        clock.pin(ZonedDateTime.of(2026, 5, 18, 9, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        runtimeService.createMessageCorrelation(CaseProcess.SUPPLEMENT_RECEIVED_MESSAGE)
                .processInstanceBusinessKey(reference(pi)).correlate();

        assertThat(pi).hasPassed("resumeSlaAnswered", "resumeAnswered").isWaitingAt("investigate");
        // Due 19 May + 3 = Fri 22 May; reminder 2 before = Wed 20 May; second escalation 5 after = Fri 29 May.
        assertSlaDates(pi, at16(2026, 5, 22), at16(2026, 5, 20), at16(2026, 5, 29));
        assertThat(work.find(reference(pi)).dueDate()).isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(work.find(reference(pi)).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(runtimeService.getVariable(pi.getId(), SlaVariables.PAUSED_AT.name())).isNull();
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.SUPPLEMENT_REQUESTED, CaseEvent.Kind.SUPPLEMENT_RECEIVED);
    }

    @Test
    void unansweredSupplementContinuesAfterTenWorkingDaysWithEverySlaDateMovedByThem() {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "SCHOOL", null, "sv", null);
        pauseOnTuesday12May(pi, "Vilken skola?");

        // The waiting timer fires when it is due: Wed 27 May, 16:00.
        clock.pin(ZonedDateTime.of(2026, 5, 27, 16, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        execute(job("supplementTimedOut", pi));

        assertThat(pi).hasPassed("resumeUnanswered").isWaitingAt("investigate");
        // Paused 10 working days: due 19 May + 10 = Tue 2 June (20 21 22 25 26 27 28 29 1 2); reminder 2 before =
        // Fri 29 May; second escalation 5 after = Tue 9 June (3 4 5 8 9; 6 June, a holiday, is a Saturday).
        assertSlaDates(pi, at16(2026, 6, 2), at16(2026, 5, 29), at16(2026, 6, 9));
        assertThat(work.find(reference(pi)).dueDate()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.SUPPLEMENT_TIMED_OUT);
    }

    /** On Tue 12 May the officer asks for more; the SLA clock pauses and the citizen has 10 working days. */
    private void pauseOnTuesday12May(ProcessInstance pi, String question) {
        clock.pin(ZonedDateTime.of(2026, 5, 12, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        complete(task(pi), withVariables("findings", "Oklart vilken skola.", "investigationOutcome", "supplement",
                "supplementQuestion", question));
        assertThat(pi).isWaitingAt("sendSupplementRequest");
        execute(job("sendSupplementRequest", pi));

        assertThat(pi).isWaitingAt("awaitSupplement");
        // 13, 15, 18, 19, 20, 21, 22, 25, 26, 27 May.
        assertThat(job("supplementTimedOut", pi).getDuedate()).isEqualTo(at16(2026, 5, 27));
        assertThat(runtimeService.getVariable(pi.getId(), SlaVariables.PAUSED_AT.name()))
                .isEqualTo(Date.from(clock.instant()));
        // The handling (and with it its reminder and escalation timers) is left while the clock is paused.
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .count()).isEqualTo(1);
    }

    /**
     * The moments the process holds, the timers it waits on and the task's due date all agree. The first
     * escalation falls on the due date itself.
     */
    private void assertSlaDates(ProcessInstance pi, Date due, Date reminder, Date secondEscalation) {
        assertThat(runtimeService.getVariables(pi.getId(), List.of(SlaVariables.DUE_DATE.name(), SlaVariables.REMINDER_DATE.name(),
                SlaVariables.ESCALATION_DATE.name(), SlaVariables.SECOND_ESCALATION_DATE.name()))).isEqualTo(Map.of(
                SlaVariables.DUE_DATE.name(), due, SlaVariables.REMINDER_DATE.name(), reminder,
                SlaVariables.ESCALATION_DATE.name(), due, SlaVariables.SECOND_ESCALATION_DATE.name(), secondEscalation));
        assertThat(job("reminderDue", pi).getDuedate()).as("reminder timer").isEqualTo(reminder);
        assertThat(job("dueDateReached", pi).getDuedate()).as("escalation timer").isEqualTo(due);
        assertThat(job("fiveDaysOverdue", pi).getDuedate()).as("second escalation timer").isEqualTo(secondEscalation);
        assertThat(task(pi)).hasDueDate(due);
    }

    private static Date at16(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atTime(LocalTime.of(16, 0))
                .atZone(ClockConfiguration.MUNICIPAL_ZONE).toInstant());
    }

    @Test
    void rerouteSendsTheCaseToAnotherUnit() {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "STREETS_PARKS", null, "sv", null);
        assertThat(task(pi)).hasCandidateGroup("streetsOfficers");

        complete(task(pi), withVariables("findings", "Gäller hemtjänsten.", "investigationOutcome", "reroute",
                "rerouteTo", "careOfficers"));

        assertThat(pi).hasPassed("rerouteCase").isWaitingAt("investigate");
        assertThat(task(pi)).hasCandidateGroup("careOfficers");
        assertThat(work.find(reference(pi)).candidateGroup()).isEqualTo("careOfficers");
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.REROUTED);
    }

    @Test
    void notOurResponsibilityIsAnsweredWithWhereToTurn() throws Exception {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "STREETS_PARKS", "vag@example.se", "sv", null);
        execute(job("sendAcknowledgement", pi));

        complete(task(pi), withVariables("findings", "Statlig väg.", "investigationOutcome", "notOurs",
                "forwardedTo", "Trafikverket"));
        assertThat(pi).isWaitingAt("giveFeedback");
        complete(task(pi), withVariables("feedback", "Vägen sköts av staten."));
        execute(job("sendFeedback", pi));

        assertThat(pi).hasPassed("closeCase").hasNotPassed("act").isWaitingAt("awaitSurveyAnswer");
        assertThat(body(lastMailTo("vag@example.se"))).contains("Trafikverket");
        assertThat(work.find(reference(pi)).forwardedTo()).isEqualTo("Trafikverket");
    }

    @Test
    void faultReportAtTheSamePlaceIsLinkedToTheOpenOne() throws Exception {
        ProcessInstance first = submit(CaseType.FAULT_REPORT, "STREET_LIGHT", null, "sv", "Storgatan 12, Uppsala");
        assertThat(first).hasPassed("findDuplicate").isWaitingAt("investigate");

        ProcessInstance second = submit(CaseType.FAULT_REPORT, "STREET_LIGHT", "granne@example.se", "sv",
                "storgatan 12 uppsala");

        assertThat(second).hasPassed("linkDuplicate").isWaitingAt("sendAcknowledgement", "sendDuplicateLinked");
        execute(job("sendDuplicateLinked", second));
        assertThat(body(lastMailTo("granne@example.se"))).contains(reference(first));
        execute(job("sendAcknowledgement", second));
        assertThat(second).isEnded().hasPassed("linkedToOpenCase");
        CitizenCase linked = work.find(reference(second));
        assertThat(linked.status()).isEqualTo(CaseStatus.LINKED);
        assertThat(linked.linkedReference()).isEqualTo(reference(first));
    }

    @Test
    void faultReportElsewhereIsNotADuplicate() {
        submit(CaseType.FAULT_REPORT, "POTHOLE", null, "sv", "Kungsgatan 1");
        ProcessInstance other = submit(CaseType.FAULT_REPORT, "POTHOLE", null, "sv", "Kungsgatan 99");

        assertThat(other).hasPassed("findDuplicate").isWaitingAt("investigate");
    }

    @Test
    void reminderThenEscalationToManagerThenToProcessOwner() throws Exception {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", null, "sv", null);

        // Each timer hands its step to a job of its own (asyncBefore), so a failed send retries only the step.
        execute(job("reminderDue", pi));
        execute(job("remindOfficer", pi));
        assertThat(pi).hasPassed("remindOfficer");
        MimeMessage reminder = onlyMailTo("bjorn@kommun.example");
        assertThat(reminder.getSubject()).contains(reference(pi));
        assertThat(body(reminder)).startsWith("Hej Björn!").contains("Synpunkt " + reference(pi) + " har förfallodag",
                "In English: Synpunkt " + reference(pi) + " is due on").doesNotContain("Test Testsson");
        assertThat(work.find(reference(pi)).escalationLevel()).startsWith("REMINDER@");
        assertThat(runtimeService.getVariable(pi.getId(), Escalations.SLA_MARK.name())).asString().startsWith("Påmind");

        execute(job("dueDateReached", pi));
        execute(job("escalateToManager", pi));
        assertThat(task(pi)).hasCandidateGroup("careManagers");
        assertThat(runtimeService.getVariable(pi.getId(), Escalations.SLA_MARK.name())).asString().startsWith("Eskalerad till chef");
        assertThat(onlyMailTo("maria@kommun.example").getSubject()).contains(reference(pi));

        execute(job("fiveDaysOverdue", pi));
        execute(job("escalateToProcessOwner", pi));
        assertThat(task(pi)).hasCandidateGroup("processOwners");
        assertThat(onlyMailTo("per@kommun.example").getSubject()).contains(reference(pi));
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.REMINDED, CaseEvent.Kind.ESCALATED_TO_MANAGER,
                CaseEvent.Kind.ESCALATED_TO_PROCESS_OWNER);
        assertThat(pi).isWaitingAt("investigate");
    }

    @Test
    void aReminderThatFiresAgainAfterARerouteMailsNobody() {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", null, "sv", null);
        execute(job("reminderDue", pi));
        execute(job("remindOfficer", pi));
        assertThat(mailsTo("bjorn@kommun.example")).hasSize(1);

        // The handling starts again with new timers for the same due date; its reminder is already done.
        complete(task(pi), withVariables("findings", "Fel enhet.", "investigationOutcome", "reroute",
                "rerouteTo", "careOfficers"));
        execute(job("reminderDue", pi));
        execute(job("remindOfficer", pi));

        assertThat(mailsTo("bjorn@kommun.example")).hasSize(1);
        assertThat(eventKinds(pi)).containsOnlyOnce(CaseEvent.Kind.REMINDED);
        assertThat(jdbc.queryForObject("select count(*) from app.escalation_mark where reference = ?", Long.class,
                reference(pi))).isEqualTo(1);
    }

    @Test
    void anEscalationNobodyCanBeMailedAboutIsAnIncidentOnTheOpenTask() {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", null, "sv", null);
        // A manager group without members, as a unit has before its managers are added in Admin.
        runtimeService.setVariable(pi.getId(), CaseProcess.MANAGER_GROUP.name(), organisation.qualityGroup());

        execute(job("dueDateReached", pi));
        execute(job("escalateToManager", pi));

        Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("escalationWithoutRecipient");
        assertThat(incident.getActivityId()).isEqualTo("investigate");
        assertThat(incident.getConfiguration()).isEqualTo(organisation.qualityGroup());
        assertThat(incident.getIncidentMessage()).contains("Ingen mottagare", organisation.qualityGroup(),
                reference(pi), "No recipient");
        assertThat(mailCatcher.getReceivedMessages()).isEmpty();
        // The escalation itself happened: it is in the history and the group sees the task.
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.ESCALATED_TO_MANAGER);
        assertThat(task(pi)).hasCandidateGroup(organisation.qualityGroup());
        assertThat(pi).isWaitingAt("investigate");
    }

    @Test
    void theUnitChoicesAreTheOrganisationsOtherUnits() {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", null, "sv", null);

        assertThat(unitChoices(pi)).isEqualTo(choicesWithout("careOfficers"));

        complete(task(pi), withVariables("findings", "Gäller gatan.", "investigationOutcome", "reroute",
                "rerouteTo", "streetsOfficers"));
        assertThat(unitChoices(pi)).isEqualTo(choicesWithout("streetsOfficers"));
    }

    @Test
    void rerouteToAUnitTheOrganisationDoesNotHaveIsRefusedAndChangesNothing() {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", null, "sv", null);
        String taskId = task(pi).getId();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(
                        "findings", "Någon annan.", "investigationOutcome", "reroute", "rerouteTo", "noSuchGroup")))
                .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
                .hasMessageContaining("rerouteTo").hasMessageContaining("välj den enhet");

        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(task(pi)).hasCandidateGroup("careOfficers");
        assertThat(work.find(reference(pi)).candidateGroup()).isEqualTo("careOfficers");
        assertThat(runtimeService.getVariable(pi.getId(), CaseProcess.REROUTE_TO.name())).isNull();
    }

    /** A process owner changes the reminder offset in the routing table; a supplement pause keeps the change. */
    @Test
    void aChangedReminderOffsetSurvivesASupplementPause() throws Exception {
        String table = Files.readString(Path.of("processes/case-routing.dmn"));
        String changed = table.replace("<outputEntry id=\"ruleCareReminder\"><text>2</text>",
                        "<outputEntry id=\"ruleCareReminder\"><text>4</text>")
                .replace("<outputEntry id=\"ruleCareSecondEscalation\"><text>5</text>",
                        "<outputEntry id=\"ruleCareSecondEscalation\"><text>7</text>");
        assertThat(changed).isNotEqualTo(table);
        String deployment = repositoryService.createDeployment().name("changedRouting")
                .addString("processes/case-routing.dmn", changed).deploy().getId();
        try {
            ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", null, "sv", null);
            // Due Tue 19 May; reminder 4 working days before = Tue 12 May (14 May is Ascension Day);
            // second escalation 7 after = Thu 28 May.
            assertSlaDates(pi, at16(2026, 5, 19), at16(2026, 5, 12), at16(2026, 5, 28));

            pauseOnTuesday12May(pi, "Vilket boende?");
            clock.pin(ZonedDateTime.of(2026, 5, 18, 9, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
            runtimeService.createMessageCorrelation(CaseProcess.SUPPLEMENT_RECEIVED_MESSAGE)
                    .processInstanceBusinessKey(reference(pi)).correlate();

            // Paused 3 working days: due Fri 22 May; reminder 4 before = Mon 18 May; second escalation 7 after
            // = Tue 2 June (25 26 27 28 29 May, 1 2 June). With the deployed table's 2 and 5 they would be
            // Wed 20 May and Fri 29 May.
            assertSlaDates(pi, at16(2026, 5, 22), at16(2026, 5, 18), at16(2026, 6, 2));
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    /** Started on an earlier release, before the offsets were stored: its own dates still say what they were. */
    @Test
    void aCaseWhoseOffsetsWereNotStoredKeepsThemAcrossAPause() {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "SCHOOL", null, "sv", null);
        runtimeService.removeVariables(pi.getId(),
                List.of(SlaVariables.REMINDER_DAYS_BEFORE.name(), SlaVariables.SECOND_ESCALATION_DAYS_AFTER.name()));
        complete(task(pi), withVariables("findings", "Oklart.", "investigationOutcome", "supplement",
                "supplementQuestion", "Vilken skola?"));
        execute(job("sendSupplementRequest", pi));

        runtimeService.createMessageCorrelation(CaseProcess.SUPPLEMENT_RECEIVED_MESSAGE)
                .processInstanceBusinessKey(reference(pi)).correlate();

        // Paused and answered the day it arrived: due Tue 19 May, reminder Fri 15 May, second escalation Tue 26 May.
        assertSlaDates(pi, at16(2026, 5, 19), at16(2026, 5, 15), at16(2026, 5, 26));
        assertThat(runtimeService.getVariables(pi.getId())).containsEntry(SlaVariables.REMINDER_DAYS_BEFORE.name(), 2)
                .containsEntry(SlaVariables.SECOND_ESCALATION_DAYS_AFTER.name(), 5);
    }

    @Test
    void failedMailIsRetriedAndSentExactlyOnce() throws Exception {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", "retry@example.se", "sv", null);
        Job acknowledgement = job("sendAcknowledgement", pi);
        int workingPort = mailSender.getPort();
        mailSender.setPort(1);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> processEngine.getManagementService().executeJob(acknowledgement.getId()));
        } finally {
            mailSender.setPort(workingPort);
        }
        Job failed = job("sendAcknowledgement", pi);
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getExceptionMessage()).isNotBlank();
        assertThat(mailCatcher.getReceivedMessages()).isEmpty();

        execute(failed);

        assertThat(mailsTo("retry@example.se")).hasSize(1);
        assertThat(pi).hasPassed("sendAcknowledgement");
    }

    private ProcessInstance submit(CaseType type, String category, String email, String language, String address) {
        NewCase matter = new NewCase(type, category, "Beskrivning av ärendet för " + category + ".",
                address == null ? null : new NewCase.Location(address, null, null),
                email == null ? null : new NewCase.Contact("Test Testsson", email, null), language, null);
        String reference = intake.submit(matter, Channel.API, null, null).reference();
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
    }

    /** What Tasklist's start form does: start the process as the logged-in officer with the form's fields. */
    private ProcessInstance startFromTasklist(Map<String, Object> formFields) {
        processEngine.getIdentityService().setAuthentication("bjorn", List.of("careOfficers"));
        try {
            return runtimeService.startProcessInstanceByKey(CaseProcess.PROCESS_KEY, formFields);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private String unitChoices(ProcessInstance pi) {
        TypedValue choices = runtimeService.getVariableTyped(pi.getId(), CaseProcess.UNIT_CHOICES.name(), false);
        assertThat(choices.getType().getName()).isEqualTo("json");
        return ((org.camunda.bpm.engine.variable.value.SerializableValue) choices).getValueSerialized();
    }

    private String choicesWithout(String officerGroup) {
        return organisation.units().stream().filter(unit -> !unit.officerGroup().equals(officerGroup))
                .map(unit -> "{\"label\":\"" + unit.name() + "\",\"value\":\"" + unit.officerGroup() + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private long caseCount() {
        return jdbc.queryForObject("select count(*) from app.citizen_case", Long.class);
    }

    private static String reference(ProcessInstance pi) {
        return pi.getBusinessKey();
    }

    private List<CaseEvent.Kind> eventKinds(ProcessInstance pi) {
        return transactions.execute(status -> work.find(reference(pi)).events().stream().map(CaseEvent::kind).toList());
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

    private MimeMessage onlyMailTo(String recipient) {
        List<MimeMessage> mails = mailsTo(recipient);
        assertThat(mails).as("mails to " + recipient).hasSize(1);
        return mails.get(0);
    }

    private MimeMessage lastMailTo(String recipient) {
        List<MimeMessage> mails = mailsTo(recipient);
        assertThat(mails).as("mails to " + recipient).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private static String body(MimeMessage message) {
        return MailText.plainText(message);
    }

}
