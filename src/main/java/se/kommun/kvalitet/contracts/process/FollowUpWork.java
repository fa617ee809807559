package se.kommun.kvalitet.contracts.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.Deficiency;
import se.kommun.kvalitet.actionplans.OwnerReference;
import se.kommun.kvalitet.contracts.record.Contract;
import se.kommun.kvalitet.contracts.record.ContractRepository;
import se.kommun.kvalitet.contracts.record.EscalationOutcome;
import se.kommun.kvalitet.contracts.record.FollowUp;
import se.kommun.kvalitet.contracts.record.FollowUpRepository;
import se.kommun.kvalitet.contracts.record.Timeline;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * What each step of a follow-up does to the contract's tables, its action plan and its timeline. The delegates
 * and listeners are thin: they hand the execution or task here. Form answers are moved into the tables and removed
 * from the process; a refused answer is a clear error that leaves the task open.
 */
@Component
class FollowUpWork {

    private final ContractRepository contracts;
    private final FollowUpRepository followUps;
    private final Timeline timeline;
    private final ActionPlans actionPlans;
    private final ObjectMapper json;
    private final IdentityService identityService;
    private final Clock clock;

    FollowUpWork(ContractRepository contracts, FollowUpRepository followUps, Timeline timeline,
            ActionPlans actionPlans, ObjectMapper json, IdentityService identityService, Clock clock) {
        this.contracts = contracts;
        this.followUps = followUps;
        this.timeline = timeline;
        this.actionPlans = actionPlans;
        this.json = json;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** "Planera uppföljning": the next follow-up one interval after the last (or the start), within the contract. */
    void plan(DelegateExecution execution) {
        Contract contract = contracts.require(execution.getProcessBusinessKey());
        List<FollowUp> done = followUps.ofContract(contract.id());
        LocalDate today = LocalDate.now(clock);
        LocalDate base = done.isEmpty() ? max(contract.start(), LocalDate.ofInstant(contract.registeredAt(),
                clock.getZone())) : LocalDate.ofInstant(done.get(done.size() - 1).startedAt(), clock.getZone());
        LocalDate next = min(base.plus(contract.followUpInterval()), contract.lastDay());
        boolean running = contract.terminatedOn() == null && base.isBefore(contract.lastDay())
                && !contract.lastDay().isBefore(today);
        ContractFollowUpProcess.CONTRACT_RUNNING.set(execution, running);
        ContractFollowUpProcess.CONTRACT_MANAGER.set(execution, contract.contractManager());
        ContractFollowUpProcess.NEXT_FOLLOW_UP_DATE.set(execution,
                Date.from(next.atTime(8, 0).atZone(clock.getZone()).toInstant()));
        ContractFollowUpProcess.REQUESTED_BY.set(execution, null);
        timeline.record(contract.id(), null, Timeline.SYSTEM, running ? "FOLLOW_UP_PLANNED" : "CONTRACT_ENDED",
                running ? "Nästa uppföljning " + next : "Avtalet löper inte längre (sista dag " + contract.lastDay() + ")");
    }

    /** "Öppna uppföljning": a follow-up row, started by the timer or by whoever asked for it. */
    void open(DelegateExecution execution) {
        Contract contract = contracts.require(execution.getProcessBusinessKey());
        String by = ContractFollowUpProcess.REQUESTED_BY.find(execution).orElse(Timeline.SYSTEM);
        long id = followUps.open(contract.id(), clock.instant(), by);
        ContractFollowUpProcess.FOLLOW_UP_ID.set(execution, id);
        execution.removeVariable(ContractFollowUpProcess.ACTION_PLAN_ID.name());
        timeline.record(contract.id(), id, by, "FOLLOW_UP_STARTED", "Uppföljning påbörjad");
    }

    /** "Genomföra uppföljning" completed: the result and its deficiencies (at least one when DEFICIENT). */
    @Transactional
    void recordResult(DelegateTask task) {
        String result = ContractFollowUpProcess.OVERALL_RESULT.find(task).orElse(null);
        if (!"OK".equals(result) && !"DEFICIENT".equals(result)) {
            throw new IllegalArgumentException("overallResult must be OK or DEFICIENT: " + result);
        }
        List<FollowUp.Finding> findings = findings(ContractFollowUpProcess.DEFICIENCIES.find(task).orElse(null));
        if ("DEFICIENT".equals(result) && findings.isEmpty()) {
            throw new IllegalArgumentException("A DEFICIENT follow-up names at least one deficiency "
                    + "(area and description)");
        }
        long id = ContractFollowUpProcess.FOLLOW_UP_ID.in(task);
        FollowUp followUp = followUps.require(id);
        followUps.recordResult(id, result, "OK".equals(result) ? List.of() : findings, actor(task),
                clock.instant());
        task.removeVariable(ContractFollowUpProcess.DEFICIENCIES.name());
        ContractFollowUpProcess.DECIDED_DATE.set(task, Date.from(clock.instant()));
        timeline.record(followUp.contractId(), id, actor(task), "FOLLOW_UP_PERFORMED", "OK".equals(result)
                ? "Uppföljning utan brister" : "Brister: " + String.join(", ",
                        findings.stream().map(FollowUp.Finding::area).toList()));
    }

    /** "Begära handlingsplan": a new plan, or the next round of one sent back; returns what the mail needs. */
    Request request(DelegateExecution execution) {
        long followUpId = ContractFollowUpProcess.FOLLOW_UP_ID.in(execution);
        FollowUp followUp = followUps.require(followUpId);
        LocalDate deadline = LocalDate.ofInstant(SlaVariables.DUE_DATE.in(execution).toInstant(),
                clock.getZone());
        Long planId = ContractFollowUpProcess.ACTION_PLAN_ID.find(execution).orElse(null);
        boolean revision = planId != null;
        if (planId == null) {
            planId = actionPlans.request(new OwnerReference(ContractFollowUpProcess.OWNER_KIND,
                    Long.toString(followUpId)), followUp.deficiencies().stream()
                            .map(f -> new Deficiency(f.area(), f.description())).toList(), deadline);
            followUps.attachActionPlan(followUpId, planId);
            ContractFollowUpProcess.ACTION_PLAN_ID.set(execution, planId);
        } else {
            actionPlans.renewDeadline(planId, deadline);
        }
        timeline.record(followUp.contractId(), followUpId, Timeline.SYSTEM, "ACTION_PLAN_REQUESTED",
                (revision ? "Komplettering av handlingsplan begärd" : "Handlingsplan begärd") + ", senast " + deadline);
        return new Request(contracts.byId(followUp.contractId()), actionPlans.require(planId), deadline, revision,
                actionPlans.link(planId));
    }

    record Request(Contract contract, ActionPlan plan, LocalDate deadline, boolean revision, String link) {
    }

    /** "Påminn leverantören": the same link, before the deadline. */
    Request reminder(DelegateExecution execution) {
        FollowUp followUp = followUps.require(ContractFollowUpProcess.FOLLOW_UP_ID.in(execution));
        long planId = ContractFollowUpProcess.ACTION_PLAN_ID.in(execution);
        ActionPlan plan = actionPlans.require(planId);
        timeline.record(followUp.contractId(), followUp.id(), Timeline.SYSTEM, "ACTION_PLAN_REMINDED",
                "Påminnelse om handlingsplan skickad till leverantören");
        return new Request(contracts.byId(followUp.contractId()), plan, plan.deadline(), plan.revisions() > 0,
                actionPlans.link(planId));
    }

    /** "Granska handlingsplan" completed: approved (its follow-up date set) or sent back with comments. */
    @Transactional
    void recordReview(DelegateTask task) {
        boolean approved = ContractFollowUpProcess.PLAN_APPROVED.find(task)
                .orElseThrow(() -> new IllegalArgumentException("planApproved is required"));
        long planId = ContractFollowUpProcess.ACTION_PLAN_ID.in(task);
        FollowUp followUp = followUps.require(ContractFollowUpProcess.FOLLOW_UP_ID.in(task));
        String comments = ContractFollowUpProcess.REVIEW_COMMENTS.find(task).orElse(null);
        if (approved) {
            LocalDate followUpOn = actionPlans.approve(planId, actor(task));
            ContractFollowUpProcess.MEASURES_DUE_DATE.set(task, morning(followUpOn));
            timeline.record(followUp.contractId(), followUp.id(), actor(task), "ACTION_PLAN_APPROVED",
                    "Handlingsplan godkänd; åtgärderna följs upp " + followUpOn);
        } else {
            actionPlans.sendBack(planId, comments, actor(task));
            ContractFollowUpProcess.DECIDED_DATE.set(task, Date.from(clock.instant()));
            timeline.record(followUp.contractId(), followUp.id(), actor(task), "ACTION_PLAN_SENT_BACK",
                    "Handlingsplan återsänd: " + comments);
        }
        task.removeVariable(ContractFollowUpProcess.REVIEW_COMMENTS.name());
    }

    void recordSubmission(DelegateExecution execution) {
        FollowUp followUp = followUps.require(ContractFollowUpProcess.FOLLOW_UP_ID.in(execution));
        timeline.record(followUp.contractId(), followUp.id(), Timeline.SUPPLIER, "ACTION_PLAN_SUBMITTED",
                "Handlingsplan inlämnad");
    }

    /** "Följa upp åtgärder" created: the plan's measures as the options of a checklist, one verdict each. */
    void offerMeasures(DelegateTask task) {
        ActionPlan plan = actionPlans.require(ContractFollowUpProcess.ACTION_PLAN_ID.in(task));
        List<Map<String, String>> choices = plan.measures().stream().map(m -> Map.of(
                "value", Integer.toString(m.position()),
                "label", m.position() + ". " + m.area() + ": " + m.measure() + " (" + m.responsible() + ", senast "
                        + m.dueOn() + ")")).toList();
        try {
            task.setVariable(ContractFollowUpProcess.MEASURE_CHOICES.name(),
                    SpinValues.jsonValue(json.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The measures of plan " + plan.id() + " could not be written", e);
        }
    }

    /**
     * "Följa upp åtgärder" completed: each measure verified on its own (ticked: remedied, not ticked: not);
     * all remedied closes the follow-up.
     */
    @Transactional
    void recordVerification(DelegateTask task) {
        Set<Integer> remediedPositions = new HashSet<>();
        Object ticked = ContractFollowUpProcess.REMEDIED_MEASURES.find(task).orElseThrow(() ->
                new IllegalArgumentException("remediedMeasures is required: the positions of the measures found "
                        + "remedied, an empty list when none is"));
        try {
            List<Object> positions = ticked instanceof List<?> ? json.convertValue(ticked, new TypeReference<>() { })
                    : json.readValue(ticked.toString(), new TypeReference<>() { });
            positions.forEach(position -> remediedPositions.add(Integer.valueOf(position.toString().strip())));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("remediedMeasures must be a list of measure positions, e.g. [\"1\"]", e);
        }
        long planId = ContractFollowUpProcess.ACTION_PLAN_ID.in(task);
        FollowUp followUp = followUps.require(ContractFollowUpProcess.FOLLOW_UP_ID.in(task));
        Map<Integer, Boolean> verdicts = new LinkedHashMap<>();
        actionPlans.require(planId).measures().forEach(m -> verdicts.put(m.position(),
                remediedPositions.contains(m.position())));
        remediedPositions.forEach(position -> verdicts.putIfAbsent(position, true));
        boolean allRemedied = actionPlans.verify(planId, verdicts, actor(task));
        ContractFollowUpProcess.MEASURES_REMEDIED.set(task, allRemedied);
        task.removeVariable(ContractFollowUpProcess.REMEDIED_MEASURES.name());
        task.removeVariable(ContractFollowUpProcess.MEASURE_CHOICES.name());
        List<String> remaining = actionPlans.require(planId).measures().stream()
                .filter(m -> !Boolean.TRUE.equals(m.remedied())).map(ActionPlan.Measure::area).toList();
        timeline.record(followUp.contractId(), followUp.id(), actor(task), "MEASURES_VERIFIED", allRemedied
                ? "Alla åtgärder genomförda, bristerna avhjälpta"
                : "Inte avhjälpt (" + remaining.size() + " av " + verdicts.size() + "): " + String.join(", ", remaining));
    }

    /** "Eskalera" completed: the outcome with its reason; a settlement needs its amount, a new deadline its date. */
    @Transactional
    void recordEscalation(DelegateTask task) {
        EscalationOutcome outcome;
        try {
            outcome = EscalationOutcome.valueOf(ContractFollowUpProcess.ESCALATION_OUTCOME.find(task).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("escalationOutcome must be one of NEW_DEADLINE, SANCTION, SETTLEMENT, "
                    + "TERMINATION, NEW_PROCUREMENT", e);
        }
        String reason = ContractFollowUpProcess.ESCALATION_REASON.find(task).filter(r -> !r.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("escalationReason is required"));
        BigDecimal amount = null;
        if (outcome == EscalationOutcome.SETTLEMENT || outcome == EscalationOutcome.SANCTION) {
            Number given = ContractFollowUpProcess.SETTLEMENT_AMOUNT.find(task).orElse(null);
            if (outcome == EscalationOutcome.SETTLEMENT && (given == null || given.doubleValue() <= 0)) {
                throw new IllegalArgumentException("A settlement needs settlementAmount (SEK, above 0)");
            }
            amount = given == null ? null : new BigDecimal(given.toString());
        }
        long planId = ContractFollowUpProcess.ACTION_PLAN_ID.in(task);
        FollowUp followUp = followUps.require(ContractFollowUpProcess.FOLLOW_UP_ID.in(task));
        if (outcome == EscalationOutcome.NEW_DEADLINE) {
            LocalDate deadline = newDeadline(ContractFollowUpProcess.NEW_DEADLINE.find(task).orElse(null));
            actionPlans.postponeFollowUp(planId, deadline);
            ContractFollowUpProcess.MEASURES_DUE_DATE.set(task, morning(deadline));
        } else if (outcome == EscalationOutcome.TERMINATION) {
            contracts.terminate(task.getExecution().getProcessBusinessKey(), LocalDate.now(clock));
        }
        followUps.recordOutcome(followUp.id(), outcome, reason.strip(), amount);
        timeline.record(followUp.contractId(), followUp.id(), actor(task), "ESCALATION_DECIDED",
                outcome.swedish() + (amount == null ? "" : " (" + amount.toPlainString() + " kr)") + ": " + reason.strip());
        task.removeVariable(ContractFollowUpProcess.ESCALATION_REASON.name());
    }

    /** "Avsluta uppföljning". */
    void close(DelegateExecution execution) {
        FollowUp followUp = followUps.require(ContractFollowUpProcess.FOLLOW_UP_ID.in(execution));
        followUps.close(followUp.id(), clock.instant());
        timeline.record(followUp.contractId(), followUp.id(), Timeline.SYSTEM, "FOLLOW_UP_CLOSED",
                "Uppföljning avslutad");
        for (String answer : List.of(ContractFollowUpProcess.OVERALL_RESULT.name(),
                ContractFollowUpProcess.PLAN_APPROVED.name(), ContractFollowUpProcess.MEASURES_REMEDIED.name(),
                ContractFollowUpProcess.REMEDIED_MEASURES.name(), ContractFollowUpProcess.MEASURE_CHOICES.name(),
                ContractFollowUpProcess.ESCALATION_OUTCOME.name(), ContractFollowUpProcess.SETTLEMENT_AMOUNT.name(),
                ContractFollowUpProcess.NEW_DEADLINE.name())) {
            execution.removeVariable(answer);
        }
    }

    private LocalDate newDeadline(String text) {
        try {
            LocalDate date = LocalDate.parse(String.valueOf(text).strip());
            if (!date.isAfter(LocalDate.now(clock))) {
                throw new IllegalArgumentException("newDeadline must be after today: " + text);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("newDeadline must be a date YYYY-MM-DD: " + text, e);
        }
    }

    /** From the form: a list of maps (or JSON text, or Spin JSON) of {area, description}; or text lines. */
    private List<FollowUp.Finding> findings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<Map<String, Object>> items;
        String text = value.toString().strip();
        if (value instanceof List<?> || text.startsWith("[")) {
            items = items(value, "deficiencies must be a list of {\"area\", \"description\"}");
        } else {
            items = new ArrayList<>();
            for (String line : text.split("\\R")) {
                int colon = line.indexOf(':');
                if (!line.isBlank()) {
                    items.add(colon < 0 ? Map.of("area", line.strip(), "description", line.strip())
                            : Map.of("area", line.substring(0, colon).strip(),
                                    "description", line.substring(colon + 1).strip()));
                }
            }
        }
        List<FollowUp.Finding> findings = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Deficiency checked = new Deficiency(Objects.toString(item.get("area"), "").strip(),
                    Objects.toString(item.get("description"), "").strip());
            findings.add(new FollowUp.Finding(checked.area(), checked.description()));
        }
        return findings;
    }

    /** A form's list: a Java list of maps, a JSON text, or Spin JSON (what Tasklist submits for a list). */
    private List<Map<String, Object>> items(Object value, String shape) {
        if (value == null) {
            return List.of();
        }
        try {
            return value instanceof List<?> ? json.convertValue(value, new TypeReference<>() { })
                    : json.readValue(value.toString(), new TypeReference<>() { });
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException(shape, e);
        }
    }

    /** Who completed the task: its assignee, else the authenticated user (a completion through the REST API). */
    private String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var current = identityService.getCurrentAuthentication();
        return current == null ? Timeline.SYSTEM : current.getUserId();
    }

    private Date morning(LocalDate day) {
        return Date.from(day.atTime(8, 0).atZone(clock.getZone()).toInstant());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
