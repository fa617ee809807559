package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.slacalendar.SlaClock;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * "Återöppna ärendet" after "Bedöma återöppning" decided so: the case is open again, with the due date the SLA
 * step before it computed.
 */
@Component("reopenCase")
class ReopenCaseDelegate implements JavaDelegate {

    private final CaseWork work;
    private final SlaClock slaClock;

    ReopenCaseDelegate(CaseWork work, SlaClock slaClock) {
        this.work = work;
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.reopen(CaseProcess.reference(execution), slaClock.dateOf(SlaVariables.DUE_DATE.in(execution)));
    }
}
