package se.kommun.kvalitet.contracts.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.contracts.record.Committees;
import se.kommun.kvalitet.contracts.record.Contract;
import se.kommun.kvalitet.contracts.record.ContractRepository;
import se.kommun.kvalitet.contracts.record.FollowUp;
import se.kommun.kvalitet.contracts.record.FollowUpRepository;
import se.kommun.kvalitet.contracts.record.Timeline;

/**
 * The annual report of strategic contracts to the council (kommunfullmäktige): every strategic contract that ran
 * during the year, which had deficiencies, per contract the areas, action plans and their status, follow-up dates,
 * settlements and their amounts, the year's timeline of each contract with deficiencies, and the proposed
 * decision. Follow-ups count in the year they started.
 */
@Service
public class StrategicContractsReport {

    static final String PROPOSED_DECISION = "Kommunfullmäktige noterar informationen och lägger den årliga "
            + "uppföljningen av strategiska avtal %d till handlingarna.";

    private final ContractRepository contracts;
    private final FollowUpRepository followUps;
    private final ActionPlans actionPlans;
    private final Committees committees;
    private final Timeline timeline;
    private final Clock clock;
    private final String municipality;

    StrategicContractsReport(ContractRepository contracts, FollowUpRepository followUps, ActionPlans actionPlans,
            Committees committees, Timeline timeline, Clock clock,
            @Value("${kvalitet.contracts.municipality-name}") String municipality) {
        this.contracts = contracts;
        this.followUps = followUps;
        this.actionPlans = actionPlans;
        this.committees = committees;
        this.timeline = timeline;
        this.clock = clock;
        this.municipality = municipality;
    }

    public record Report(int year, String municipality, LocalDate produced, List<Row> contracts, List<Row> deficient,
            BigDecimal settlements, String proposedDecision) {
    }

    /** One contract; {@code areas} are the deficiency areas found during the year, in order of finding. */
    public record Row(Contract contract, String committeeName, String areaLabel, List<FollowUpRow> followUps,
            Set<String> areas, List<EventRow> timeline) {

        public boolean deficient() {
            return !areas.isEmpty();
        }
    }

    /** A timeline entry as the report prints it: the municipal date, who, what. */
    public record EventRow(LocalDate date, String actor, String details) {
    }

    public record FollowUpRow(LocalDate performed, String result, List<FollowUp.Finding> deficiencies,
            String planStatus, LocalDate planDeadline, LocalDate measuresFollowedUpOn, String outcome,
            BigDecimal amount, String outcomeReason) {
    }

    public Report build(int year) {
        List<Row> rows = new ArrayList<>();
        for (Contract contract : contracts.search(new ContractRepository.Search(null, null, null, true,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))) {
            List<FollowUpRow> done = new ArrayList<>();
            Set<String> areas = new LinkedHashSet<>();
            for (FollowUp followUp : followUps.ofContract(contract.id())) {
                if (LocalDate.ofInstant(followUp.startedAt(), clock.getZone()).getYear() != year) {
                    continue;
                }
                ActionPlan plan = followUp.actionPlanId() == null ? null
                        : actionPlans.find(followUp.actionPlanId()).orElse(null);
                followUp.deficiencies().forEach(finding -> areas.add(finding.area()));
                done.add(new FollowUpRow(followUp.performedAt() == null ? null
                        : LocalDate.ofInstant(followUp.performedAt(), clock.getZone()),
                        followUp.overallResult() == null ? "Pågår" : "OK".equals(followUp.overallResult())
                                ? "Utan brister" : "Brister",
                        followUp.deficiencies(), plan == null ? null : plan.status().swedish(),
                        plan == null ? null : plan.deadline(), plan == null ? null : plan.followUpOn(),
                        followUp.outcome() == null ? null : followUp.outcome().swedish(), followUp.settlementAmount(),
                        followUp.outcomeReason()));
            }
            List<EventRow> events = areas.isEmpty() ? List.of() : timeline.of(contract.id()).stream()
                    .filter(event -> LocalDate.ofInstant(event.at(), clock.getZone()).getYear() == year
                            && event.followUpId() != null)
                    .map(event -> new EventRow(LocalDate.ofInstant(event.at(), clock.getZone()), event.actor(),
                            event.details())).toList();
            rows.add(new Row(contract, committees.find(contract.committee()).map(Committees.Committee::name)
                    .orElse(contract.committee()), contract.area().swedish(), done, areas, events));
        }
        BigDecimal settlements = rows.stream().flatMap(row -> row.followUps().stream())
                .map(FollowUpRow::amount).filter(amount -> amount != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Report(year, municipality, LocalDate.now(clock), rows,
                rows.stream().filter(Row::deficient).toList(), settlements, PROPOSED_DECISION.formatted(year));
    }
}
