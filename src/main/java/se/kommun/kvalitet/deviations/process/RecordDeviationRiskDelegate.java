package se.kommun.kvalitet.deviations.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Registrera risknivå": the result of the decision deviationRisk onto the deviation. No input parameters. */
@Component("recordDeviationRisk")
class RecordDeviationRiskDelegate implements JavaDelegate {

    private final DeviationWork work;

    RecordDeviationRiskDelegate(DeviationWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.recordRiskLevel(execution.getProcessBusinessKey(), execution);
    }
}
