package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.record.CaseWork;

/** "Koppla till öppet ärende": the duplicate is closed as linked; the open case notes the new report. */
@Component("linkDuplicate")
class LinkDuplicateDelegate implements JavaDelegate {

    private final CaseWork work;

    LinkDuplicateDelegate(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.linkDuplicate(CaseProcess.reference(execution),
                CaseProcess.DUPLICATE_OF.in(execution));
    }
}
