package se.kommun.kvalitet.statistics;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Begär ny handlingsplan": the follow-up found the deficiency not remedied and rounds remain, so the unit's managers
 * are asked for a new plan for the same key figure ({@link Scorecards#nextRound}), which the process then awaits with
 * its own deadline. No input parameters; reads only {@code actionPlanId}. Asynchronous with retries: the plan, its
 * round and its mails are one transaction, so a retry after a failure asks for exactly one plan.
 */
@Component("requestUnitPlanRound")
class RequestUnitPlanRoundDelegate implements JavaDelegate {

    private final Scorecards scorecards;
    private final UnitActionPlans planProcesses;
    private final Clock clock;

    RequestUnitPlanRoundDelegate(Scorecards scorecards, UnitActionPlans planProcesses, Clock clock) {
        this.scorecards = scorecards;
        this.planProcesses = planProcesses;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        planProcesses.nextRound(execution, scorecards.nextRound(UnitActionPlanProcess.ACTION_PLAN_ID.in(execution),
                LocalDate.now(clock)));
    }
}
