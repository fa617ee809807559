package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.record.CaseWork;

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
        CaseProcess.DUPLICATE_OF.set(execution, work.openDuplicateOf(reference).orElse(null));
    }
}
