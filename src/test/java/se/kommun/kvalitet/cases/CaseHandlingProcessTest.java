package se.kommun.kvalitet.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.localrun.MailText;
import se.kommun.kvalitet.slacalendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** One test per path through processes/case-handling.bpmn, read top to bottom like the diagram. */
@KvalitetIntegrationTest
class CaseHandlingProcessTest {

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
    WorkingDayCalendar calendar;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        mailCatcher.purgeEmailFromAllMailboxes();
    }

    @Test
    void complaintIsAcknowledgedInvestigatedActedOnAndAnswered() throws Exception {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "ELDERLY_CARE", "eva@example.se", "sv", null);

        assertThat(pi).hasPassed("routeCase", "setSlaDueDates", "recordRouting")
                .isWaitingAt("sendAcknowledgement", "investigate");
        assertThat(task(pi)).hasCandidateGroup("careOfficers")
                .hasDueDate(java.util.Date.from(calendar.addWorkingDays(LocalDate.now(), 10)
                        .atTime(16, 0).atZone(java.time.ZoneId.of("Europe/Stockholm")).toInstant()));
        execute(job("sendAcknowledgement", pi));
        assertThat(onlyMailTo("eva@example.se").getSubject()).isEqualTo("Vi har tagit emot ditt ärende " + reference(pi));

        complete(task(pi), withVariables("findings", "Schemat var fel.", "investigationOutcome", "continue"));
        assertThat(pi).isWaitingAt("act");
        complete(task(pi), withVariables("measures", "Schemat rättat.", "rootCause", "ROUTINE_MISSING"));
        assertThat(pi).isWaitingAt("giveFeedback");
        complete(task(pi), withVariables("feedback", "Vi har rättat schemat. Tack!"));
        assertThat(pi).isWaitingAt("sendFeedback");
        execute(job("sendFeedback", pi));

        assertThat(pi).isEnded().hasPassed("closeCase", "caseClosed");
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

        String reference = (String) runtimeService.getVariable(pi.getId(), CaseProcess.CASE_REFERENCE);
        assertThat(reference).matches("SYN-\\d{4}-\\d{6}");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo(reference);
        assertThat(pi).hasPassed("registerCase").isWaitingAt("sendAcknowledgement", "investigate");
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("description", "contactName",
                "contactEmail");
        CitizenCase letter = work.find(reference);
        assertThat(letter.channel()).isEqualTo(Channel.LETTER);
        assertThat(letter.contactEmail()).isEqualTo("karl@example.se");
        assertThat(letter.dueDate()).isEqualTo(calendar.addWorkingDays(LocalDate.of(2026, 4, 2), 10));
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

        assertThat(pi).isEnded();
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
        assertThat(work.find(reference(pi)).dueDate()).isEqualTo(calendar.addWorkingDays(LocalDate.now(), 2));
    }

    @Test
    void answeredSupplementResumesTheCaseAndMovesTheDueDate() throws Exception {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "SCHOOL", "fraga@example.se", "sv", null);
        complete(task(pi), withVariables("findings", "Oklart vilken skola.", "investigationOutcome", "supplement",
                "supplementQuestion", "Vilken skola gäller det?"));

        assertThat(pi).isWaitingAt("sendSupplementRequest");
        execute(job("sendSupplementRequest", pi));
        assertThat(pi).isWaitingAt("awaitSupplement");
        assertThat(body(lastMailTo("fraga@example.se"))).contains("Vilken skola gäller det?");
        assertThat(work.find(reference(pi)).status()).isEqualTo(CaseStatus.WAITING_FOR_CITIZEN);

        runtimeService.createMessageCorrelation(CaseProcess.SUPPLEMENT_RECEIVED_MESSAGE)
                .processInstanceBusinessKey(reference(pi)).correlate();

        assertThat(pi).hasPassed("resumeSlaAnswered", "resumeAnswered").isWaitingAt("investigate");
        assertThat(work.find(reference(pi)).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.SUPPLEMENT_REQUESTED, CaseEvent.Kind.SUPPLEMENT_RECEIVED);
    }

    @Test
    void unansweredSupplementContinuesAfterTenWorkingDays() {
        ProcessInstance pi = submit(CaseType.COMPLAINT, "SCHOOL", null, "sv", null);
        complete(task(pi), withVariables("findings", "Oklart.", "investigationOutcome", "supplement",
                "supplementQuestion", "Vilken skola?"));
        execute(job("sendSupplementRequest", pi));

        Job waiting = job("supplementTimedOut", pi);
        assertThat(waiting.getDuedate()).isAfter(new java.util.Date());
        execute(waiting);

        assertThat(pi).hasPassed("resumeUnanswered").isWaitingAt("investigate");
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.SUPPLEMENT_TIMED_OUT);
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

        assertThat(pi).isEnded().hasNotPassed("act");
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

        execute(job("reminderDue", pi));
        assertThat(pi).hasPassed("remindOfficer");
        assertThat(onlyMailTo("bjorn@kommun.example").getSubject()).contains(reference(pi));
        assertThat(work.find(reference(pi)).escalationLevel()).startsWith("REMINDER@");
        assertThat(runtimeService.getVariable(pi.getId(), CaseProcess.SLA_MARK)).asString().startsWith("Påmind");

        execute(job("dueDateReached", pi));
        assertThat(task(pi)).hasCandidateGroup("careManagers");
        assertThat(runtimeService.getVariable(pi.getId(), CaseProcess.SLA_MARK)).asString().startsWith("Eskalerad till chef");
        assertThat(onlyMailTo("maria@kommun.example").getSubject()).contains(reference(pi));

        execute(job("fiveDaysOverdue", pi));
        assertThat(task(pi)).hasCandidateGroup("processOwners");
        assertThat(onlyMailTo("per@kommun.example").getSubject()).contains(reference(pi));
        assertThat(eventKinds(pi)).contains(CaseEvent.Kind.REMINDED, CaseEvent.Kind.ESCALATED_TO_MANAGER,
                CaseEvent.Kind.ESCALATED_TO_PROCESS_OWNER);
        assertThat(pi).isWaitingAt("investigate");
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
