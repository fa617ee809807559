package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.slacalendar.SlaClock;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * "Återuppta ärendet" after waiting for the citizen. Input parameter {@code answered} (boolean): whether the
 * citizen replied or the wait ran out. Records the new due date on the case.
 */
@Component("resumeCase")
class ResumeCaseDelegate implements JavaDelegate {

    private final CaseWork work;
    private final SlaClock slaClock;

    ResumeCaseDelegate(CaseWork work, SlaClock slaClock) {
        this.work = work;
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.resumeAfterSupplement(CaseProcess.reference(execution),
                Boolean.parseBoolean(String.valueOf(execution.getVariableLocal("answered"))),
                slaClock.dateOf(SlaVariables.DUE_DATE.in(execution)));
    }
}
