package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.record.CaseWork;

/** "Avsluta ärende". */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseWork work;

    CloseCaseDelegate(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.close(CaseProcess.reference(execution));
    }
}
