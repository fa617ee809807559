package se.kommun.kvalitet.deviations.process;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.deviations.record.Deviation;
import se.kommun.kvalitet.deviations.record.DeviationRepository;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;

/**
 * "Skicka kvittens": the reporter's receipt, with the reference and the area only (a mail may be forwarded; what
 * happened stays in the system). Run after an async boundary with retries. No input parameters.
 */
@Component("sendDeviationReceipt")
class SendDeviationReceiptDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendDeviationReceiptDelegate.class);

    private final DeviationRepository repository;
    private final IdentityService identityService;
    private final Mailer mailer;

    SendDeviationReceiptDelegate(DeviationRepository repository, IdentityService identityService, Mailer mailer) {
        this.repository = repository;
        this.identityService = identityService;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deviation deviation = repository.require(execution.getProcessBusinessKey());
        User reporter = deviation.reportedBy() == null ? null
                : identityService.createUserQuery().userId(deviation.reportedBy()).singleResult();
        if (reporter == null || reporter.getEmail() == null || reporter.getEmail().isBlank()) {
            log.info("Ingen e-postadress för rapportören av {} / no e-mail address for the reporter",
                    deviation.reference());
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("reference", deviation.reference());
        model.put("recipientName", reporter.getFirstName());
        model.put("areaLabel", deviation.area().swedish());
        model.put("areaLabelEnglish", deviation.area().english());
        mailer.send(new OutgoingMail(deviation.reference() + "/deviation-receipt", reporter.getEmail(),
                "deviation-receipt", Locale.forLanguageTag("sv"), model));
    }
}
