package se.kommun.kvalitet.contracts.process;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;

/**
 * "Begära handlingsplan": a plan for the deficiencies (or its next round after a return), and a mail to the supplier's contact with the personal link and the deadline. Run after an async boundary with retries; the idempotency key is per follow-up, plan round and kind.
 * No input parameters.
 */
@Component("requestActionPlan")
class RequestActionPlanDelegate implements JavaDelegate {

    private final FollowUpWork work;
    private final Mailer mailer;

    RequestActionPlanDelegate(FollowUpWork work, Mailer mailer) {
        this.work = work;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUpWork.Request request = work.request(execution);
        mailer.send(new OutgoingMail(execution.getProcessBusinessKey() + "/follow-up-"
                + ContractFollowUpProcess.FOLLOW_UP_ID.in(execution) + "/action-plan-" + request.plan().revisions()
                + "/request", request.contract().contactEmail(), "action-plan-request", Locale.forLanguageTag("sv"),
                model(request)));
    }

    static Map<String, Object> model(FollowUpWork.Request request) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.contract().number());
        model.put("title", request.contract().title());
        model.put("supplier", request.contract().supplierName());
        model.put("deadline", request.deadline().toString());
        model.put("link", request.link());
        model.put("revision", request.revision());
        model.put("comments", request.plan().reviewComments());
        model.put("areas", String.join(", ", request.plan().measures().stream().map(m -> m.area()).toList()));
        return model;
    }
}
