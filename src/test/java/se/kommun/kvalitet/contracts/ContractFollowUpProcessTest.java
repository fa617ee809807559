package se.kommun.kvalitet.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlanStatus;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.ProposedMeasure;
import se.kommun.kvalitet.contracts.process.ContractFollowUpProcess;
import se.kommun.kvalitet.contracts.process.FollowUps;
import se.kommun.kvalitet.contracts.record.Contract;
import se.kommun.kvalitet.contracts.record.ContractRepository;
import se.kommun.kvalitet.contracts.record.EscalationOutcome;
import se.kommun.kvalitet.contracts.record.FollowUp;
import se.kommun.kvalitet.contracts.record.FollowUpRepository;
import se.kommun.kvalitet.contracts.record.Timeline;
import se.kommun.kvalitet.contracts.register.ContractRegister;
import se.kommun.kvalitet.localrun.MailText;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * One test per path through processes/contract-follow-up.bpmn. The clock is pinned to Monday 4 May 2026, 10:00 in
 * Stockholm; contracts run 2026-01-01 to 2027-12-31 with a six-month interval, so the first follow-up is planned
 * for 4 November 2026. Engine timers are not driven by the clock: the tests fire them by hand.
 */
@KvalitetIntegrationTest
class ContractFollowUpProcessTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);
    static final List<Map<String, String>> DEFICIENCIES = List.of(
            Map.of("area", "kvalitetsledningssystem", "description", "Rutiner för egenkontroll saknas."),
            Map.of("area", "tidsregistrering", "description", "Besökstider registreras i efterhand."));

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ContractRegister register;

    @Autowired
    ContractRepository contracts;

    @Autowired
    FollowUpRepository followUps;

    @Autowired
    Timeline timeline;

    @Autowired
    ActionPlans actionPlans;

    @Autowired
    FollowUps process;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    IdentityService identityService;

    @Autowired
    ObjectMapper json;

    @Autowired
    SettableClock clock;

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        mailCatcher.purgeEmailFromAllMailboxes();
        clock.pin(NOW);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void registrationPlansTheFirstFollowUpOneIntervalAheadAndATimerStartsIt() {
        ProcessInstance pi = registered();

        assertThat(pi).hasPassed("contractRegistered", "planContractFollowUp").isWaitingAt("awaitFollowUp");
        assertThat(((java.util.Date) variable(pi, ContractFollowUpProcess.NEXT_FOLLOW_UP_DATE.name())).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 11, 4, 8, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE).toInstant());

        execute(job("followUpDateReached", pi));

        assertThat(pi).hasPassed("followUpStarts", "openContractFollowUp").isWaitingAt("conductFollowUp");
        assertThat(task("conductFollowUp", pi)).hasCandidateGroup("contractManagers").hasCandidateGroup("careOfficers");
        assertThat(task(pi).getName()).isEqualTo("Genomföra uppföljning – " + pi.getBusinessKey());
        assertThat(followUps.ofContract(contract(pi).id())).singleElement()
                .satisfies(f -> assertThat(f.startedBy()).isEqualTo(Timeline.SYSTEM));
    }

    @Test
    void noDeficienciesClosesTheFollowUpAndPlansTheNext() {
        ProcessInstance pi = followUpByHand();

        complete(task("conductFollowUp", pi), withVariables("overallResult", "OK"));

        assertThat(pi).hasPassed("followUpDone", "closeContractFollowUp")
                .hasNotPassed("requestActionPlan").isWaitingAt("awaitFollowUp");
        FollowUp done = onlyFollowUp(pi);
        assertThat(done.overallResult()).isEqualTo("OK");
        assertThat(done.closedAt()).isEqualTo(NOW.toInstant());
        assertThat(done.startedBy()).isEqualTo(Contracts.MANAGER);
        assertThat(kinds(pi)).containsSubsequence("REGISTERED", "FOLLOW_UP_PLANNED", "FOLLOW_UP_STARTED",
                "FOLLOW_UP_PERFORMED", "FOLLOW_UP_CLOSED", "FOLLOW_UP_PLANNED");
        assertThat(variable(pi, "overallResult")).isNull();
    }

    @Test
    void aFollowUpByHandIsRefusedWhileOneRuns() {
        ProcessInstance pi = followUpByHand();

        assertThatThrownBy(() -> process.requestNow(pi.getBusinessKey(), Contracts.MANAGER))
                .isInstanceOf(FollowUps.FollowUpRunningException.class);
    }

    @Test
    void planApprovedFirstTimeAndItsMeasuresVerifiedClosesTheFollowUp() throws Exception {
        ProcessInstance pi = deficient();
        MimeMessage request = onlyMailTo("avtal@omsorg-norr.example");
        assertThat(request.getSubject()).isEqualTo("Avtal " + pi.getBusinessKey() + ": handlingsplan begärs");
        assertThat(MailText.plainText(request)).contains("kvalitetsledningssystem, tidsregistrering")
                .contains("/handlingsplan/");
        long planId = planId(pi);
        ActionPlan plan = actionPlans.require(planId);
        assertThat(plan.status()).isEqualTo(ActionPlanStatus.REQUESTED);
        assertThat(plan.measures()).extracting(ActionPlan.Measure::area)
                .containsExactly("kvalitetsledningssystem", "tidsregistrering");

        submit(pi, LocalDate.of(2026, 9, 30));
        assertThat(pi).hasPassed("recordActionPlanSubmitted").isWaitingAt("reviewActionPlan");

        complete(task("reviewActionPlan", pi), withVariables("planApproved", true));
        assertThat(pi).hasPassed("awaitMeasures").isWaitingAt("measuresDue");
        assertThat(actionPlans.require(planId).followUpOn()).isEqualTo(LocalDate.of(2026, 9, 30));

        execute(job("measuresDue", pi));
        assertThat(offeredMeasures(pi)).extracting(m -> m.get("value"), m -> m.get("label")).containsExactly(
                tuple("1", "1. kvalitetsledningssystem: Inför egenkontroll varje månad. (Verksamhetschef Eva Ek, "
                        + "senast 2026-09-20)"),
                tuple("2", "2. tidsregistrering: Registrering i appen vid varje besök. (Samordnare Ali Nur, "
                        + "senast 2026-09-30)"));
        complete(task("verifyMeasures", pi), verdicts(pi, true, true));

        assertThat(pi).hasPassed("followUpDone", "closeContractFollowUp").isWaitingAt("awaitFollowUp");
        assertThat(actionPlans.require(planId).status()).isEqualTo(ActionPlanStatus.VERIFIED);
        assertThat(actionPlans.require(planId).measures()).allSatisfy(m -> assertThat(m.remedied()).isTrue());
        assertThat(kinds(pi)).containsSubsequence("ACTION_PLAN_REQUESTED", "ACTION_PLAN_SUBMITTED",
                "ACTION_PLAN_APPROVED", "MEASURES_VERIFIED", "FOLLOW_UP_CLOSED");
        assertThat(timeline.of(contract(pi).id())).filteredOn(e -> e.kind().equals("ACTION_PLAN_SUBMITTED"))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(Timeline.SUPPLIER));
    }

    @Test
    void aPlanSentBackIsRevisedThroughANewMailAndThenApproved() throws Exception {
        ProcessInstance pi = deficient();
        submit(pi, LocalDate.of(2026, 9, 30));

        complete(task("reviewActionPlan", pi), withVariables("planApproved", false,
                "reviewComments", "Ange vem som ansvarar för egenkontrollen."));
        assertThat(pi).hasPassed("planApproved", "requestPlan").isWaitingAt("requestActionPlan");
        assertThat(actionPlans.require(planId(pi)).status()).isEqualTo(ActionPlanStatus.SENT_BACK);
        mailCatcher.purgeEmailFromAllMailboxes();
        execute(job("requestActionPlan", pi));
        assertThat(MailText.plainText(onlyMailTo("avtal@omsorg-norr.example")))
                .contains("Ange vem som ansvarar för egenkontrollen.");

        submit(pi, LocalDate.of(2026, 10, 15));
        complete(task("reviewActionPlan", pi), withVariables("planApproved", true));

        assertThat(pi).isWaitingAt("measuresDue");
        ActionPlan plan = actionPlans.require(planId(pi));
        assertThat(plan.revisions()).isEqualTo(1);
        assertThat(plan.followUpOn()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(kinds(pi)).containsSubsequence("ACTION_PLAN_SENT_BACK", "ACTION_PLAN_REQUESTED",
                "ACTION_PLAN_SUBMITTED", "ACTION_PLAN_APPROVED");
    }

    @Test
    void aSupplierWhoMissesTheDeadlineIsRemindedAndTheContractsManagerGetsTheEscalation() throws Exception {
        ProcessInstance pi = deficient();
        mailCatcher.purgeEmailFromAllMailboxes();

        execute(job("actionPlanReminderDue", pi));
        execute(job("remindSupplier", pi));
        assertThat(onlyMailTo("avtal@omsorg-norr.example").getSubject())
                .isEqualTo("Påminnelse – avtal " + pi.getBusinessKey() + ": handlingsplan");

        execute(job("actionPlanDeadlinePassed", pi));
        execute(job("escalateActionPlan", pi));

        assertThat(pi).hasPassed("supplierReminded", "actionPlanEscalated").isWaitingAt("awaitActionPlan");
        assertThat(Arrays.stream(mailCatcher.getReceivedMessages()).map(this::recipient))
                .contains(Contracts.MANAGER + "@kommun.example");
        assertThat(kinds(pi)).contains("ACTION_PLAN_REMINDED", "ACTION_PLAN_ESCALATED");
        // Late is still welcome: the link works after the deadline while the contract manager acts.
        submit(pi, LocalDate.of(2026, 9, 30));
        assertThat(pi).isWaitingAt("reviewActionPlan");
    }

    @Test
    void aMissedDeadlineIsEscalatedToTheContractsOwnManagerNotTheWholeGroup() throws Exception {
        String manager = "tove" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(manager);
        user.setFirstName("Tove");
        user.setLastName("Lind");
        user.setEmail(manager + "@kommun.example");
        identityService.saveUser(user);
        try {
            Contract contract = register.register(Contracts.homeCare(
                    "T-" + UUID.randomUUID().toString().substring(0, 8), manager), Contracts.MANAGER);
            ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(contract.number()).singleResult();
            process.requestNow(pi.getBusinessKey(), Contracts.MANAGER);
            complete(task("conductFollowUp", pi), withVariables("overallResult", "DEFICIENT",
                    "deficiencies", DEFICIENCIES));
            execute(job("requestActionPlan", pi));
            mailCatcher.purgeEmailFromAllMailboxes();

            execute(job("actionPlanDeadlinePassed", pi));
            execute(job("escalateActionPlan", pi));

            assertThat(pi).hasPassed("actionPlanEscalated").isWaitingAt("awaitActionPlan");
            assertThat(Arrays.stream(mailCatcher.getReceivedMessages()).map(this::recipient))
                    .containsExactly(manager + "@kommun.example");
        } finally {
            identityService.deleteUser(manager);
        }
    }

    @Test
    void eachMeasureGetsItsOwnVerdictAndOneLeftUnremediedEscalates() throws Exception {
        ProcessInstance pi = deficient();
        submit(pi, LocalDate.of(2026, 9, 30));
        complete(task("reviewActionPlan", pi), withVariables("planApproved", true));
        execute(job("measuresDue", pi));

        complete(task("verifyMeasures", pi), verdicts(pi, true, false));

        assertThat(pi).hasPassed("measuresRemediedGateway").isWaitingAt("decideEscalation");
        assertThat(actionPlans.require(planId(pi)).measures())
                .extracting(ActionPlan.Measure::area, ActionPlan.Measure::remedied)
                .containsExactly(tuple("kvalitetsledningssystem", true), tuple("tidsregistrering", false));
        assertThat(timeline.of(contract(pi).id())).filteredOn(e -> e.kind().equals("MEASURES_VERIFIED"))
                .singleElement().satisfies(e -> assertThat(e.details()).contains("1 av 2").contains("tidsregistrering"));
        assertThat(variable(pi, "remediedMeasures")).isNull();
        assertThat(variable(pi, "measureChoices")).isNull();
    }

    @Test
    void aVerdictOnAMeasureThePlanDoesNotHaveOrNoVerdictAtAllIsRefusedAndTheTaskStays() throws Exception {
        ProcessInstance pi = deficient();
        submit(pi, LocalDate.of(2026, 9, 30));
        complete(task("reviewActionPlan", pi), withVariables("planApproved", true));
        execute(job("measuresDue", pi));

        assertThatThrownBy(() -> complete(task("verifyMeasures", pi), withVariables("remediedMeasures",
                List.of("1", "9"))))
                .hasMessageContaining("measures[9]");
        assertThatThrownBy(() -> complete(task("verifyMeasures", pi), withVariables("other", true)))
                .hasMessageContaining("remediedMeasures is required");

        assertThat(pi).isWaitingAt("verifyMeasures");
        assertThat(actionPlans.require(planId(pi)).measures()).allSatisfy(m -> assertThat(m.remedied()).isNull());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SANCTION,50000", "SETTLEMENT,200000", "NEW_PROCUREMENT,", "TERMINATION,"})
    void measuresNotRemediedAreEscalatedAndTheOutcomeRecorded(EscalationOutcome outcome, BigDecimal amount)
            throws Exception {
        ProcessInstance pi = notRemedied();

        complete(task("decideEscalation", pi), withVariables("escalationOutcome", outcome.name(),
                "escalationReason", "Bristerna kvarstår efter uppföljningen.", "settlementAmount",
                amount == null ? null : amount.intValue()));

        FollowUp done = onlyFollowUp(pi);
        assertThat(done.outcome()).isEqualTo(outcome);
        assertThat(done.outcomeReason()).isEqualTo("Bristerna kvarstår efter uppföljningen.");
        assertThat(done.closedAt()).isNotNull();
        if (amount != null) {
            assertThat(done.settlementAmount()).isEqualByComparingTo(amount);
        }
        if (outcome == EscalationOutcome.TERMINATION) {
            assertThat(pi).hasPassed("followUpDone", "contractEnded").isEnded();
            assertThat(contract(pi).terminatedOn()).isEqualTo(NOW.toLocalDate());
        } else {
            assertThat(pi).hasPassed("followUpDone", "closeContractFollowUp").isWaitingAt("awaitFollowUp");
        }
        assertThat(kinds(pi)).contains("ESCALATION_DECIDED");
    }

    @Test
    void aNewDeadlineBringsTheMeasuresBackOnThatDay() throws Exception {
        ProcessInstance pi = notRemedied();

        complete(task("decideEscalation", pi), withVariables("escalationOutcome", "NEW_DEADLINE",
                "escalationReason", "Utbildningen är bokad.", "newDeadline", "2026-12-15"));

        assertThat(pi).hasPassed("escalationOutcomeGateway").isWaitingAt("measuresDue");
        assertThat(actionPlans.require(planId(pi)).followUpOn()).isEqualTo(LocalDate.of(2026, 12, 15));
        execute(job("measuresDue", pi));
        complete(task("verifyMeasures", pi), verdicts(pi, true, true));
        assertThat(pi).isWaitingAt("awaitFollowUp");
        assertThat(onlyFollowUp(pi).outcome()).isEqualTo(EscalationOutcome.NEW_DEADLINE);
    }

    @Test
    void aSettlementWithoutAmountOrADeficientResultWithoutDeficienciesIsRefusedAndTheTaskStays() throws Exception {
        ProcessInstance pi = followUpByHand();
        assertThatThrownBy(() -> complete(task("conductFollowUp", pi), withVariables("overallResult", "DEFICIENT")))
                .hasMessageContaining("at least one deficiency");
        assertThat(pi).isWaitingAt("conductFollowUp");

        ProcessInstance other = notRemedied();
        assertThatThrownBy(() -> complete(task("decideEscalation", other), withVariables("escalationOutcome",
                "SETTLEMENT", "escalationReason", "Fakturor följer inte avtalet.")))
                .hasMessageContaining("settlementAmount");
        assertThat(other).isWaitingAt("decideEscalation");
    }

    @Test
    void deficienciesMayBeGivenAsLinesOfAreaAndDescription() {
        ProcessInstance pi = followUpByHand();

        complete(task("conductFollowUp", pi), withVariables("overallResult", "DEFICIENT", "deficiencies",
                "förseningar: Eleverna kom för sent.\nfakturering: Fakturorna följer inte avtalet."));

        assertThat(onlyFollowUp(pi).deficiencies()).extracting(FollowUp.Finding::area)
                .containsExactly("förseningar", "fakturering");
        assertThat(variable(pi, "deficiencies")).isNull();
    }

    // --- helpers ---

    private ProcessInstance registered() {
        Contract contract = register.register(Contracts.homeCare("T-" + UUID.randomUUID().toString().substring(0, 8)),
                Contracts.MANAGER);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(contract.number())
                .singleResult();
    }

    private ProcessInstance followUpByHand() {
        ProcessInstance pi = registered();
        process.requestNow(pi.getBusinessKey(), Contracts.MANAGER);
        assertThat(pi).hasPassed("followUpRequested").isWaitingAt("conductFollowUp");
        return pi;
    }

    private ProcessInstance deficient() {
        ProcessInstance pi = followUpByHand();
        complete(task("conductFollowUp", pi), withVariables("overallResult", "DEFICIENT",
                "deficiencies", DEFICIENCIES));
        assertThat(pi).hasPassed("requestPlan", "setActionPlanDueDates").isWaitingAt("requestActionPlan");
        execute(job("requestActionPlan", pi));
        assertThat(pi).isWaitingAt("awaitActionPlan");
        return pi;
    }

    private ProcessInstance notRemedied() throws Exception {
        ProcessInstance pi = deficient();
        submit(pi, LocalDate.of(2026, 9, 30));
        complete(task("reviewActionPlan", pi), withVariables("planApproved", true));
        execute(job("measuresDue", pi));
        complete(task("verifyMeasures", pi), verdicts(pi, false, false));
        assertThat(pi).hasPassed("measuresRemediedGateway").isWaitingAt("decideEscalation");
        assertThat(actionPlans.require(planId(pi)).measures()).allSatisfy(m -> assertThat(m.remedied()).isFalse());
        return pi;
    }

    private void submit(ProcessInstance pi, LocalDate dueOn) {
        long planId = planId(pi);
        String link = actionPlans.link(planId);
        String token = link.substring(link.indexOf("token=") + 6);
        actionPlans.submit(planId, token, List.of(
                new ProposedMeasure(1, "Inför egenkontroll varje månad.", "Verksamhetschef Eva Ek", dueOn.minusDays(10)),
                new ProposedMeasure(2, "Registrering i appen vid varje besök.", "Samordnare Ali Nur", dueOn)));
    }

    /** The plan's measures as the form's checklist offers them. */
    private List<Map<String, Object>> offeredMeasures(ProcessInstance pi) throws Exception {
        return json.readValue(variable(pi, "measureChoices").toString(), new TypeReference<>() { });
    }

    /** What Tasklist sends back: the ticked (remedied) measures' values, as a JSON variable. */
    private Map<String, Object> verdicts(ProcessInstance pi, boolean... remedied) throws Exception {
        List<Object> ticked = new java.util.ArrayList<>();
        List<Map<String, Object>> offered = offeredMeasures(pi);
        for (int i = 0; i < offered.size(); i++) {
            if (remedied[i]) {
                ticked.add(offered.get(i).get("value"));
            }
        }
        return withVariables("remediedMeasures", SpinValues.jsonValue(json.writeValueAsString(ticked)).create());
    }

    private long planId(ProcessInstance pi) {
        return (Long) runtimeService.getVariable(pi.getId(), ContractFollowUpProcess.ACTION_PLAN_ID.name());
    }

    private Object variable(ProcessInstance pi, String name) {
        return runtimeService.getVariable(pi.getId(), name);
    }

    private Contract contract(ProcessInstance pi) {
        return contracts.require(pi.getBusinessKey());
    }

    private FollowUp onlyFollowUp(ProcessInstance pi) {
        List<FollowUp> all = followUps.ofContract(contract(pi).id());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<String> kinds(ProcessInstance pi) {
        return timeline.of(contract(pi).id()).stream().map(Timeline.Event::kind).toList();
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        List<MimeMessage> to = Arrays.stream(mailCatcher.getReceivedMessages())
                .filter(m -> address.equals(recipient(m))).toList();
        assertThat(to).hasSize(1);
        return to.get(0);
    }

    private String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
