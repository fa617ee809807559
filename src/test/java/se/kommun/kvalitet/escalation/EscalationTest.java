package se.kommun.kvalitet.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import se.kommun.kvalitet.SettableClock;
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

    @Autowired
    SettableClock settableClock;

    @Autowired
    EscalationBundles bundles;

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

    /**
     * With a bundle window, the manager hears of three overdue deviations in one mail when the window closes, even
     * if two nodes flush at once; a later one alone in its window is the ordinary single mail.
     */
    @Test
    void escalationsToOneManagerWithinTheWindowComeAsOneMailListingThem() throws Exception {
        ZonedDateTime opened = ZonedDateTime.now(clock).withNano(0);
        settableClock.pin(opened);
        bundles.useWindow(Duration.ofMinutes(10));
        try {
            String prefix = "AVV-BUNDLE-" + UUID.randomUUID().toString().substring(0, 8);
            LocalDate due = LocalDate.now(clock);
            List<String> tasks = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ProcessInstance instance = start(prefix + "-" + i, due);
                fireTimer(instance);
                tasks.add(taskOf(instance));
            }
            assertThat(mailCatcher.getReceivedMessages()).as("held until the window closes").isEmpty();
            assertThat(events.stream(Escalated.class)).as("the escalations themselves happen at once").hasSize(3);
            assertThat(taskService.getIdentityLinksForTask(tasks.get(2))).map(IdentityLink::getGroupId)
                    .contains("careManagers");

            settableClock.pin(opened.plusMinutes(9).plusSeconds(59));
            assertThat(bundles.flushClosedWindows()).isZero();

            settableClock.pin(opened.plusMinutes(10));
            ExecutorService twoNodes = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> flushes = twoNodes.invokeAll(List.<Callable<Integer>>of(
                        bundles::flushClosedWindows, bundles::flushClosedWindows));
                assertThat(flushes.get(0).get() + flushes.get(1).get()).isEqualTo(1);
            } finally {
                twoNodes.shutdown();
            }
            MimeMessage bundle = onlyMail();
            assertThat(bundle.getAllRecipients()[0].toString()).isEqualTo("maria@kommun.example");
            assertThat(bundle.getSubject()).isEqualTo("Försenade ärenden – eskalering (" + prefix + "-1 med flera)");
            assertThat(MailText.plainText(bundle)).startsWith("Hej Maria!")
                    .contains("De här 3 ärendena", "Avvikelse " + prefix + "-1", "Avvikelse " + prefix + "-2",
                            "Avvikelse " + prefix + "-3", "?task=" + tasks.get(0), "?task=" + tasks.get(2),
                            "In English: these 3 cases");
            assertThat(bundles.flushClosedWindows()).as("nothing is mailed twice").isZero();
            assertThat(jdbc.queryForObject("select count(*) from app.escalation_notice", Integer.class)).isZero();

            fireTimer(start(prefix + "-4", due));
            settableClock.pin(opened.plusMinutes(20));
            assertThat(bundles.flushClosedWindows()).isEqualTo(1);
            assertThat(mailCatcher.getReceivedMessages()).hasSize(2);
            assertThat(mailCatcher.getReceivedMessages()[1].getSubject())
                    .isEqualTo("Försenat ärende " + prefix + "-4 – eskalering");
        } finally {
            bundles.useWindow(Duration.ZERO);
            settableClock.reset();
        }
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
