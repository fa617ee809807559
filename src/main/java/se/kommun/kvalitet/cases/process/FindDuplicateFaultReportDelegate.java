package se.kommun.kvalitet.cases.process;

import se.kommun.kvalitet.cases.record.CaseWork;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Sök dubblett": sets {@code duplicateOf} to an open fault report on the same category and place, or null. */
@Component("findDuplicateFaultReport")
class FindDuplicateFaultReportDelegate implements JavaDelegate {

    private final CaseWork work;

    FindDuplicateFaultReportDelegate(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = CaseProcess.reference(execution);
        execution.setVariable(CaseProcess.DUPLICATE_OF, work.openDuplicateOf(reference).orElse(null));
    }
}
