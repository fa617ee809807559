package se.kommun.kvalitet.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.localrun.MailText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation module for a process that is not a synpunkt: what a deviation process would do, through the
 * same delegate. Mails without a citizen case, marks once per reference, level and due date, tells the owner.
 */
@KvalitetIntegrationTest
@RecordApplicationEvents
class EscalationTest {

    static final String KEY = "deviationEscalationTest";

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Clock clock;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void deploy() throws Exception {
        mailCatcher.purgeEmailFromAllMailboxes();
        deployments.add(repositoryService.createDeployment().name(KEY)
                .addModelInstance("escalation/deviation.bpmn", deviationProcess()).deploy().getId());
    }

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void anOverdueDeviationIsEscalatedToItsUnitsManagerOnce() throws Exception {
        String reference = "AVV-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate due = LocalDate.now(clock);
        ProcessInstance first = start(reference, due);

        fireTimer(first);

        MimeMessage mail = onlyMail();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("maria@kommun.example");
        assertThat(mail.getSubject()).isEqualTo("Försenat ärende " + reference + " – eskalering");
        assertThat(MailText.plainText(mail)).startsWith("Hej Maria!")
                .contains("Avvikelse " + reference + " hade förfallodag", "In English: Avvikelse " + reference,
                        "?task=" + taskService.createTaskQuery().processInstanceId(first.getId()).singleResult().getId());
        assertThat(taskService.getIdentityLinksForTask(taskOf(first))).map(IdentityLink::getGroupId)
                .contains("careOfficers", "careManagers");
        assertThat(runtimeService.getVariable(first.getId(), Escalations.SLA_MARK.name()))
                .isEqualTo(EscalationLevel.MANAGER.mark());
        assertThat(events.stream(Escalated.class)).containsExactly(
                new Escalated(KEY, first.getId(), reference, EscalationLevel.MANAGER, due));

        // Same reference and due date again (a second instance, a re-fired timer): nobody is mailed twice.
        ProcessInstance again = start(reference, due);
        fireTimer(again);

        assertThat(mailCatcher.getReceivedMessages()).hasSize(1);
        assertThat(events.stream(Escalated.class)).hasSize(1);
        assertThat(taskService.getIdentityLinksForTask(taskOf(again))).map(IdentityLink::getGroupId)
                .doesNotContain("careManagers");
        assertThat(jdbc.queryForList("select level from app.escalation_mark where reference = ?", String.class,
                reference)).containsExactly("MANAGER");
    }

    @Test
    void aNewDueDateMayBeEscalatedAgain() throws Exception {
        String reference = "AVV-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        fireTimer(start(reference, LocalDate.now(clock)));
        fireTimer(start(reference, LocalDate.now(clock).plusDays(7)));

        assertThat(mailCatcher.getReceivedMessages()).hasSize(2);
        assertThat(events.stream(Escalated.class)).map(Escalated::dueDate)
                .containsExactly(LocalDate.now(clock), LocalDate.now(clock).plusDays(7));
    }

    private ProcessInstance start(String reference, LocalDate due) {
        return runtimeService.startProcessInstanceByKey(KEY, reference, java.util.Map.of("dueDate",
                Date.from(due.atTime(16, 0).atZone(clock.getZone()).toInstant())));
    }

    private void fireTimer(ProcessInstance instance) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .timers().singleResult().getId());
    }

    private String taskOf(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    private MimeMessage onlyMail() {
        assertThat(mailCatcher.getReceivedMessages()).hasSize(1);
        return Arrays.stream(mailCatcher.getReceivedMessages()).findFirst().orElseThrow();
    }

    /** Handle the deviation; its manager is told on the due date. */
    private static BpmnModelInstance deviationProcess() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("Avvikelse (test)")
                .camundaHistoryTimeToLive(1)
                .startEvent("reported").name("Avvikelse rapporterad")
                .userTask("handleDeviation").name("Utreda avvikelse").camundaCandidateGroups("careOfficers")
                .endEvent("handled").name("Utredd")
                .moveToActivity("handleDeviation")
                .boundaryEvent("deviationDue").name("Förfallodag").cancelActivity(false).timerWithDate("${dueDate}")
                .serviceTask("escalateDeviation").name("Eskalera till chef").camundaDelegateExpression("${escalate}")
                .camundaInputParameter("level", "MANAGER")
                .camundaInputParameter("kind", "Avvikelse")
                .camundaInputParameter("managerGroup", "careManagers")
                .camundaInputParameter("dueDate", "${dueDate}")
                .endEvent("escalated").name("Eskalerad")
                .done();
        return model;
    }
}
