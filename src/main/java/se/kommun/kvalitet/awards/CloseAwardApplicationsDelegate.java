package se.kommun.kvalitet.awards;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Stäng ansökningar": the closing date has passed, the page takes no more applications; the jury that scores
 * them and whether anything came in go to the process. No input parameters.
 */
@Component("closeAwardApplications")
class CloseAwardApplicationsDelegate implements JavaDelegate {

    private final AwardJury jury;

    CloseAwardApplicationsDelegate(AwardJury jury) {
        this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardJury.Closed closed = jury.close(AwardProcess.CALL.in(execution));
        AwardProcess.APPLICATIONS_RECEIVED.set(execution, closed.applications() > 0);
        AwardProcess.JURY_MEMBERS.set(execution, new ArrayList<>(closed.jury()));
    }
}
