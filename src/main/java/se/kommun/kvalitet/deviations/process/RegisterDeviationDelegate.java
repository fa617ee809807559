package se.kommun.kvalitet.deviations.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.deviations.intake.DeviationIntake;

/**
 * "Registrera avvikelse". A report through the API is stored before its process starts; one from Tasklist's start
 * form is stored here, and its texts leave the process. No input parameters.
 */
@Component("registerDeviation")
class RegisterDeviationDelegate implements JavaDelegate {

    private final DeviationIntake intake;

    RegisterDeviationDelegate(DeviationIntake intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (DeviationProcess.DEVIATION_REFERENCE.find(execution).isEmpty()) {
            intake.registerInRunningProcess(execution);
        }
    }
}
