package se.kommun.kvalitet.cases.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.localrun.MailText;
import se.kommun.kvalitet.slacalendar.SlaVariables;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases still running on a process version that calls ${escalateCase} with only a level keep escalating. */
@KvalitetIntegrationTest
class EscalateCaseDelegateTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    Clock clock;

    @Test
    void anOlderProcessVersionsReminderStillReachesTheUnit() throws Exception {
        mailCatcher.purgeEmailFromAllMailboxes();
        String deployment = repositoryService.createDeployment().name("olderCaseHandling").addModelInstance(
                "processes/older-escalation.bpmn", Bpmn.createExecutableProcess("olderCaseEscalation")
                        .name("Äldre version").camundaHistoryTimeToLive(1)
                        .startEvent("started").name("Start")
                        .serviceTask("remindOfficer").name("Påminn handläggare")
                        .camundaDelegateExpression("${escalateCase}").camundaInputParameter("level", "REMINDER")
                        .endEvent("reminded").name("Påmind")
                        .done()).deploy().getId();
        String reference = "SYN-OLD-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            // Every case instance carries its reference as business key, set by intake or the registering step.
            runtimeService.startProcessInstanceByKey("olderCaseEscalation", reference, Map.of(
                    CaseProcess.CASE_REFERENCE.name(), reference, CaseProcess.CASE_TYPE.name(), "FAULT_REPORT",
                    CaseProcess.CANDIDATE_GROUP.name(), "careOfficers", CaseProcess.MANAGER_GROUP.name(), "careManagers",
                    SlaVariables.DUE_DATE.name(), Date.from(LocalDate.now(clock).atTime(16, 0).atZone(clock.getZone())
                            .toInstant())));

            assertThat(mailCatcher.getReceivedMessages()).singleElement().satisfies(mail -> {
                assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("bjorn@kommun.example");
                assertThat(MailText.plainText(mail)).contains("Felanmälan " + reference + " har förfallodag");
            });
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }
}
