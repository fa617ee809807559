package se.kommun.kvalitet.deviations.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Avsluta avvikelse": the deviation is closed with its learning summary. No input parameters. */
@Component("closeDeviation")
class CloseDeviationDelegate implements JavaDelegate {

    private final DeviationWork work;

    CloseDeviationDelegate(DeviationWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.close(execution.getProcessBusinessKey());
    }
}
