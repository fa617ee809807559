package se.kommun.kvalitet.contracts.process;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;

/**
 * "Påminn leverantören": the same link again before the deadline. Run after an async boundary with retries; the idempotency key is per follow-up, plan round and kind.
 * No input parameters.
 */
@Component("remindSupplier")
class RemindSupplierDelegate implements JavaDelegate {

    private final FollowUpWork work;
    private final Mailer mailer;

    RemindSupplierDelegate(FollowUpWork work, Mailer mailer) {
        this.work = work;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUpWork.Request request = work.reminder(execution);
        mailer.send(new OutgoingMail(execution.getProcessBusinessKey() + "/follow-up-"
                + ContractFollowUpProcess.FOLLOW_UP_ID.in(execution) + "/action-plan-" + request.plan().revisions()
                + "/reminder", request.contract().contactEmail(), "action-plan-reminder", Locale.forLanguageTag("sv"),
                RequestActionPlanDelegate.model(request)));
    }
}
