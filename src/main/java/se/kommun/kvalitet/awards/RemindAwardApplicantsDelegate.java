package se.kommun.kvalitet.awards;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Påminn om ej inskickade ansökningar": whoever saved a draft and has not handed it in gets the link and the
 * closing date, once (the draft is marked in the same transaction; the mail's key is per draft). Async with
 * retries. No input parameters.
 */
@Component("remindAwardApplicants")
class RemindAwardApplicantsDelegate implements JavaDelegate {

    private final AwardApplications applications;

    RemindAwardApplicantsDelegate(AwardApplications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.remindDrafts(AwardProcess.CALL.in(execution));
    }
}
