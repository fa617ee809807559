package se.kommun.kvalitet.cases.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.record.CaseEvent;
import se.kommun.kvalitet.cases.record.CaseStatus;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.cases.record.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * What keeps a case moving when something goes wrong: an escalation mail that fails is retried later instead of
 * becoming an incident, and an outcome the gateways do not know neither stops the case nor skips the officer.
 */
@KvalitetIntegrationTest
class CaseHandlingSafetyNetTest {

    private static final String OFFICER = "bjorn@kommun.example";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseWork work;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        mailCatcher.purgeEmailFromAllMailboxes();
    }

    @Test
    void reminderThatCannotBeSentIsRetriedLaterWithoutFiringTheTimerAgain() throws Exception {
        ProcessInstance pi = submit();
        execute(job("reminderDue", pi));
        assertThat(pi).isWaitingAt("remindOfficer");
        Job reminder = job("remindOfficer", pi);

        Instant failedAt = clock.instant();
        int workingPort = mailSender.getPort();
        mailSender.setPort(1);
        try {
            assertThatThrownBy(() -> managementService.executeJob(reminder.getId()));
        } finally {
            mailSender.setPort(workingPort);
        }

        Job failed = job("remindOfficer", pi);
        assertThat(failed.getRetries()).as("R3/PT5M: two more tries").isEqualTo(2);
        assertThat(failed.getDuedate()).as("the next try waits five minutes")
                .isAfterOrEqualTo(Date.from(failedAt.plus(Duration.ofMinutes(5))));
        assertThat(failed.getExceptionMessage()).isNotBlank();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("reminderDue")
                .count()).as("the timer fired once and is gone").isZero();
        assertThat(work.find(reference(pi)).escalationLevel()).as("the failed try marked nothing").isNull();
        assertThat(mailsTo(OFFICER)).isEmpty();

        execute(failed);

        assertThat(pi).hasPassed("remindOfficer", "reminded").isWaitingAt("investigate");
        assertThat(mailsTo(OFFICER)).hasSize(1);
        assertThat(work.find(reference(pi)).escalationLevel()).startsWith("REMINDER@");
        assertThat(eventKinds(pi)).containsOnlyOnce(CaseEvent.Kind.REMINDED);
    }

    @Test
    void escalationStepsRetryLikeTheCitizenMails() {
        ProcessInstance pi = submit();
        execute(job("dueDateReached", pi));
        execute(job("fiveDaysOverdue", pi));

        for (String step : List.of("escalateToManager", "escalateToProcessOwner")) {
            int workingPort = mailSender.getPort();
            mailSender.setPort(1);
            try {
                assertThatThrownBy(() -> managementService.executeJob(job(step, pi).getId())).as(step);
            } finally {
                mailSender.setPort(workingPort);
            }
            assertThat(job(step, pi).getRetries()).as(step).isEqualTo(2);
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    /** An outcome no branch knows (a form or client sending another value) goes back to the officer to choose. */
    @Test
    void unknownInvestigationOutcomeGoesBackToTheInvestigation() {
        ProcessInstance pi = submit();
        runtimeService.setVariable(pi.getId(), CaseProcess.OUTCOME.name(), "somethingElse");
        complete(task(pi), withVariables(CaseProcess.FINDINGS.name(), "Oklart."));

        assertThat(pi).isWaitingAt("investigate");
        for (String activity : List.of("toInvestigation", "investigate")) {
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                    .activityId(activity).count()).as(activity + ": the investigation is offered again").isEqualTo(2);
        }

        complete(task(pi), withVariables(CaseProcess.OUTCOME.name(), "continue"));
        assertThat(pi).isWaitingAt("act");
    }

    /** Handling ends with an unknown outcome only after "Återkoppla": the answer is written, so it is sent. */
    @Test
    void unknownOutcomeAfterTheAnswerSendsTheAnswer() throws Exception {
        ProcessInstance pi = submit();
        execute(job("sendAcknowledgement", pi));
        complete(task(pi), withVariables(CaseProcess.FINDINGS.name(), "Schemat var fel.", CaseProcess.OUTCOME.name(), "continue"));
        complete(task(pi), withVariables(CaseProcess.MEASURES.name(), "Schemat rättat.", CaseProcess.ROOT_CAUSE.name(),
                "ROUTINE_MISSING"));
        runtimeService.setVariable(pi.getId(), CaseProcess.OUTCOME.name(), "somethingElse");
        complete(task(pi), withVariables(CaseProcess.FEEDBACK.name(), "Vi har rättat schemat."));

        assertThat(pi).isWaitingAt("sendFeedback");
        execute(job("sendFeedback", pi));
        assertThat(pi).isEnded().hasPassed("closeCase", "caseClosed");
        assertThat(work.find(reference(pi)).status()).isEqualTo(CaseStatus.CLOSED);
    }

    private ProcessInstance submit() {
        NewCase matter = new NewCase(CaseType.COMPLAINT, "ELDERLY_CARE", "Hemtjänsten kom inte.", null, null, "sv",
                null);
        String reference = intake.submit(matter, Channel.API, null, null).reference();
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
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
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
