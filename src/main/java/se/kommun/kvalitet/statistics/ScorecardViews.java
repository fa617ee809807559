package se.kommun.kvalitet.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlanStatus;
import se.kommun.kvalitet.actionplans.ActionPlans;

/**
 * The styrkort as its readers see it: each key figure's status and its action plan, whose personal link only the
 * unit's managers get (the plan is theirs to write) and which process owners, quality and administrators review and
 * verify.
 */
@Component
class ScorecardViews {

    private final Scorecards scorecards;
    private final ActionPlans actionPlans;
    private final StatisticsAccess access;
    private final Clock clock;

    ScorecardViews(Scorecards scorecards, ActionPlans actionPlans, StatisticsAccess access, Clock clock) {
        this.scorecards = scorecards;
        this.actionPlans = actionPlans;
        this.access = access;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GoalView(long id, String title, List<KeyFigureView> keyFigures) {
    }

    /** {@code settled}: decided at the year's end; until then the status is preliminary. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyFigureView(long id, String measure, String kpi, String label, BigDecimal target, String direction,
            Double actual, String status, boolean settled, PlanView actionPlan) {
    }

    /**
     * The key figure's current plan: {@code round} 1 is the year end's, a later one was asked for because the previous
     * round's follow-up found the deficiency not remedied. {@code link}: the personal link to write the plan, for the
     * unit's managers only (else null); {@code followUpOn} once approved; {@code reviewable} and {@code verifiable}:
     * the reader may review it now, or verify its measures.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlanView(long id, int round, String status, String statusSv, LocalDate deadline, String link,
            LocalDate followUpOn, List<ActionPlan.Measure> measures, boolean reviewable, boolean verifiable) {
    }

    List<GoalView> goals(String unit, int year, Authentication reader, Locale locale) {
        boolean manager = access.managesUnit(reader, unit);
        boolean reviewer = access.reviewsPlans(reader);
        return scorecards.of(unit, year, locale).stream().map(goal -> new GoalView(goal.id(), goal.title(),
                goal.keyFigures().stream().map(figure -> new KeyFigureView(figure.id(), figure.measure(),
                        figure.kpi(), figure.label(), figure.target(), figure.direction().name(), figure.actual(),
                        figure.status().name(), figure.settled(), plan(figure, manager, reviewer))).toList()))
                .toList();
    }

    private PlanView plan(Scorecards.KeyFigure figure, boolean manager, boolean reviewer) {
        Long planId = figure.actionPlanId();
        if (planId == null) {
            return null;
        }
        ActionPlan plan = actionPlans.require(planId);
        return new PlanView(planId, figure.planRound() == null ? 1 : figure.planRound(), plan.status().name(), plan.status().swedish(), plan.deadline(),
                manager && plan.status().awaitsAuthor() ? actionPlans.link(planId) : null, plan.followUpOn(),
                plan.measures(), reviewer && plan.status() == ActionPlanStatus.SUBMITTED,
                reviewer && plan.status() == ActionPlanStatus.APPROVED
                        && !LocalDate.now(clock).isBefore(plan.followUpOn()));
    }
}
