package se.kommun.kvalitet.statistics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Tells the unit's managers that the styrkort asks a handlingsplan of them (the year end's, or a later round's after
 * the deficiency remained): its personal link and the unit's {@code /styrkort} page by mail to each member of the
 * unit's manager group with an address in Camunda's identity, once per plan and manager (the idempotency key), in the
 * transaction that requested the plan. Managers who sign in through OpenID Connect are not stored there (ADR 0012);
 * they find the plan on {@code /styrkort}.
 */
@Component
class ScorecardPlanMail {

    private final Mailer mailer;
    private final IdentityService identity;
    private final ActionPlans actionPlans;
    private final String publicBaseUrl;

    ScorecardPlanMail(Mailer mailer, IdentityService identity, ActionPlans actionPlans,
            @Value("${kvalitet.public-base-url}") String publicBaseUrl) {
        this.mailer = mailer;
        this.identity = identity;
        this.actionPlans = actionPlans;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** Returns the number of managers mailed; {@code round} 1 is the year end's plan. */
    int announce(long planId, Organisation.Unit unit, int year, String deficiency, LocalDate deadline, int round) {
        String link = actionPlans.link(planId);
        String scorecardLink = publicBaseUrl + ScorecardPageController.pageOf(unit.id(), year);
        int mailed = 0;
        for (User manager : identity.createUserQuery().memberOfGroup(unit.managerGroup()).orderByUserId().asc()
                .list()) {
            if (manager.getEmail() == null || manager.getEmail().isBlank()) {
                continue;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("reference", "Styrkort " + year);
            model.put("unitName", unit.name());
            model.put("deficiency", deficiency);
            model.put("deadline", deadline);
            model.put("link", link);
            model.put("round", round);
            model.put("scorecardLink", scorecardLink);
            model.put("recipientName", manager.getFirstName());
            if (mailer.send(new OutgoingMail("styrkort/plan-" + planId + "/" + manager.getId(), manager.getEmail(),
                    "scorecard-action-plan", Locale.forLanguageTag("sv"), model))) {
                mailed++;
            }
        }
        return mailed;
    }
}
