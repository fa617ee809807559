package se.kommun.kvalitet.contracts.process;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import se.kommun.kvalitet.actionplans.ActionPlanSubmitted;
import se.kommun.kvalitet.contracts.record.Committees;
import se.kommun.kvalitet.contracts.record.Contract;
import se.kommun.kvalitet.contracts.record.FollowUpRepository;
import se.kommun.kvalitet.contracts.record.ContractRepository;
import se.kommun.kvalitet.contracts.record.Timeline;
import se.kommun.kvalitet.escalation.Escalated;
import se.kommun.kvalitet.organisation.Organisation;

/** Starts a contract's follow-up process, asks it for a follow-up now, and hands it the supplier's plan. */
@Service
public class FollowUps {

    private final RuntimeService runtimeService;
    private final Organisation organisation;
    private final Committees committees;
    private final ContractDeadlines deadlines;
    private final FollowUpRepository followUps;
    private final ContractRepository contracts;
    private final Timeline timeline;

    FollowUps(RuntimeService runtimeService, Organisation organisation, Committees committees,
            ContractDeadlines deadlines, FollowUpRepository followUps, ContractRepository contracts,
            Timeline timeline) {
        this.runtimeService = runtimeService;
        this.organisation = organisation;
        this.committees = committees;
        this.deadlines = deadlines;
        this.followUps = followUps;
        this.contracts = contracts;
        this.timeline = timeline;
        for (Committees.Committee committee : committees.committees()) {
            if (organisation.unit(committee.unit()).isEmpty()) {
                throw new IllegalStateException("kvalitet.contracts.committees: committee '" + committee.id()
                        + "' names unit '" + committee.unit() + "', which kvalitet.organisation.units does not have");
            }
        }
    }

    /** A follow-up already runs: the contract's process does not wait for the next one. */
    public static class FollowUpRunningException extends RuntimeException {

        public FollowUpRunningException(String number) {
            super("A follow-up of " + number + " is already running");
        }
    }

    /** One instance per contract, for as long as it runs; started in the registering transaction. */
    public void start(Contract contract) {
        Committees.Committee committee = committees.find(contract.committee()).orElseThrow();
        String officers = organisation.unit(committee.unit()).orElseThrow().officerGroup();
        runtimeService.startProcessInstanceByKey(ContractFollowUpProcess.PROCESS_KEY, contract.number(), Map.of(
                ContractFollowUpProcess.CONTRACT_NUMBER.name(), contract.number(),
                ContractFollowUpProcess.CONTRACT_MANAGER_GROUP.name(), organisation.contractManagerGroup(),
                ContractFollowUpProcess.OFFICER_GROUP.name(), officers,
                ContractFollowUpProcess.DEADLINES.name(), deadlines.asVariable()));
    }

    /** A follow-up now rather than at the next interval ({@code POST /api/contracts/{number}/follow-ups}). */
    public void requestNow(String number, String requestedBy) {
        try {
            runtimeService.createMessageCorrelation(ContractFollowUpProcess.FOLLOW_UP_REQUESTED)
                    .processInstanceBusinessKey(number)
                    .setVariable(ContractFollowUpProcess.REQUESTED_BY.name(), requestedBy)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new FollowUpRunningException(number);
        }
    }

    /** The escalation to the contract managers lands on the contract's timeline, in the escalating transaction. */
    @EventListener
    void onEscalated(Escalated escalated) {
        if (!ContractFollowUpProcess.PROCESS_KEY.equals(escalated.processDefinitionKey())) {
            return;
        }
        String number = runtimeService.createProcessInstanceQuery().processInstanceId(escalated.processInstanceId())
                .singleResult().getBusinessKey();
        Contract contract = contracts.require(number);
        Long followUpId = (Long) runtimeService.getVariable(escalated.processInstanceId(),
                ContractFollowUpProcess.FOLLOW_UP_ID.name());
        timeline.record(contract.id(), followUpId, Timeline.SYSTEM, "ACTION_PLAN_ESCALATED",
                "Tidsfristen för handlingsplanen (" + escalated.dueDate() + ") passerad; eskalerat till "
                        + "avtalsförvaltarna");
    }

    /** In the supplier's transaction: if the process cannot take the plan, the plan is not taken either. */
    @EventListener
    void onPlanSubmitted(ActionPlanSubmitted submitted) {
        if (!ContractFollowUpProcess.OWNER_KIND.equals(submitted.owner().kind())) {
            return;
        }
        long followUpId = Long.parseLong(submitted.owner().id());
        String number = contracts.byId(followUps.require(followUpId).contractId()).number();
        runtimeService.createMessageCorrelation(ContractFollowUpProcess.ACTION_PLAN_SUBMITTED)
                .processInstanceBusinessKey(number).correlateWithResult();
    }
}
