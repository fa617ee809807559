package se.kommun.kvalitet.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An SMTP blip while an escalation timer fires must not make an incident at once: the job that sends the
 * reminder or escalation mail keeps retries and is due again later, by whatever retry cycle the model
 * declares for it ({@code camunda:failedJobRetryTimeCycle}, R3/PT5M like the citizen mails); once the server
 * is back the retry sends each mail once. Whether the send runs in the timer's own job or behind an async step
 * after it, the test follows the job that actually fails.
 */
@KvalitetIntegrationTest
class EscalationRetryTest {

    /** Engine time, pinned so that the retry's due date can be checked to the second. */
    static final Instant ENGINE_NOW = Instant.parse("2026-05-19T14:00:00Z");

    /** Camunda's form: R{repetitions}/{ISO interval}, or a comma-separated list of intervals. */
    static final Pattern REPEATED = Pattern.compile("R(\\d+)/(P.+)");

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    GreenMail mailCatcher;

    @LocalServerPort
    int port;

    int workingSmtpPort;

    @BeforeEach
    void setUp() throws Exception {
        mailCatcher.purgeEmailFromAllMailboxes();
        workingSmtpPort = mailSender.getPort();
        ClockUtil.setCurrentTime(Date.from(ENGINE_NOW));
    }

    @AfterEach
    void tearDown() {
        mailSender.setPort(workingSmtpPort);
        ClockUtil.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reminderDue", "dueDateReached", "fiveDaysOverdue"})
    void smtpFailureDuringAnEscalationTimerLeavesARetryLaterNotAnIncident(String timer) throws Exception {
        String reference = FaultRig.submit("http://127.0.0.1:" + port, null);
        ManagementService management = processEngine.getManagementService();
        String instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult().getId();
        Job timerJob = management.createJobQuery().processInstanceId(instance).activityId(timer).singleResult();
        Set<String> jobsBefore = jobIds(management, instance);

        mailSender.setPort(FaultRig.freePort());
        Job failing = timerJob;
        try {
            management.executeJob(timerJob.getId());
            // The timer committed: the send waits behind an async step, in a job of its own.
            Set<String> created = jobIds(management, instance);
            created.removeAll(jobsBefore);
            assertThat(created).as("the job the timer left for the mail step").hasSize(1);
            failing = management.createJobQuery().jobId(created.iterator().next()).singleResult();
            String failingId = failing.getId();
            assertThatThrownBy(() -> management.executeJob(failingId)).as("the send fails while SMTP is down");
        } catch (RuntimeException sendFailedInTheTimersOwnJob) {
            assertThat(management.createJobQuery().jobId(timerJob.getId()).count()).isOne();
        }

        String activity = management.createJobDefinitionQuery().jobDefinitionId(failing.getJobDefinitionId())
                .singleResult().getActivityId();
        String cycle = declaredRetryCycle(failing.getProcessDefinitionId(), activity);
        assertThat(cycle).as("""
                %s declares no camunda:failedJobRetryTimeCycle, so the engine retries it 3 times at once and an SMTP \
                blip becomes an incident. processes/case-handling.bpmn needs, inside <%s id="%s">: \
                <extensionElements><camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle>\
                </extensionElements>""".formatted(activity, elementType(failing.getProcessDefinitionId(), activity),
                activity)).isNotNull();
        Matcher repeated = REPEATED.matcher(cycle);
        List<String> intervals = repeated.matches() ? List.of(repeated.group(2)) : List.of(cycle.split(","));
        int attempts = repeated.matches() ? Integer.parseInt(repeated.group(1)) : intervals.size();

        Job afterFailure = management.createJobQuery().jobId(failing.getId()).singleResult();
        assertThat(afterFailure.getRetries()).as("retries left after one failure of " + cycle).isEqualTo(attempts - 1);
        assertThat(afterFailure.getExceptionMessage()).isNotBlank();
        assertThat(afterFailure.getDuedate()).as("next attempt, by " + cycle)
                .isEqualTo(Date.from(ENGINE_NOW.plus(Duration.parse(intervals.get(0).trim()))));
        assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count())
                .as("incidents").isZero();
        assertThat(mailCatcher.getReceivedMessages()).isEmpty();

        // The SMTP server is back and the retry is due.
        mailSender.setPort(workingSmtpPort);
        ClockUtil.setCurrentTime(afterFailure.getDuedate());
        management.executeJob(afterFailure.getId());

        assertThat(management.createJobQuery().jobId(afterFailure.getId()).count()).isZero();
        Map<String, Integer> delivered = FaultRig.deliveries(mailCatcher);
        assertThat(delivered).as("mails of the retried step").isNotEmpty()
                .allSatisfy((recipientAndSubject, count) -> assertThat(count).as(recipientAndSubject).isOne());
        assertThat(delivered.keySet()).allMatch(key -> key.contains(reference));
    }

    private String declaredRetryCycle(String processDefinitionId, String activityId) {
        BaseElement element = processEngine.getRepositoryService().getBpmnModelInstance(processDefinitionId)
                .getModelElementById(activityId);
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        List<CamundaFailedJobRetryTimeCycle> cycles = extensions.getElementsQuery()
                .filterByType(CamundaFailedJobRetryTimeCycle.class).list();
        return cycles.isEmpty() ? null : cycles.get(0).getTextContent().trim();
    }

    private String elementType(String processDefinitionId, String activityId) {
        return processEngine.getRepositoryService().getBpmnModelInstance(processDefinitionId)
                .getModelElementById(activityId).getElementType().getTypeName();
    }

    private static Set<String> jobIds(ManagementService management, String instance) {
        return management.createJobQuery().processInstanceId(instance).list().stream().map(Job::getId)
                .collect(Collectors.toSet());
    }
}
