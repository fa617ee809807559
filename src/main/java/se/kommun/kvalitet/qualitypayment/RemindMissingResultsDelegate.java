package se.kommun.kvalitet.qualitypayment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * "Påminn utförarna": each provider whose results are still missing gets the list and the deadline; the officers
 * are reminded by the escalation step after it. Async with retries; the key is per period, due date and provider.
 * No input parameters.
 */
@Component("remindMissingResults")
class RemindMissingResultsDelegate implements JavaDelegate {

    private final QualityPeriods periods;
    private final Mailer mailer;
    private final Clock clock;

    RemindMissingResultsDelegate(QualityPeriods periods, Mailer mailer, Clock clock) {
        this.periods = periods;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Tertial tertial = Tertial.parse(QualityPaymentPeriodProcess.PERIOD.in(execution)).orElseThrow();
        String area = QualityPaymentPeriodProcess.AREA.in(execution);
        String deadline = LocalDate.ofInstant(SlaVariables.DUE_DATE.in(execution).toInstant(), clock.getZone())
                .toString();
        List<String> missing = periods.missing(tertial, area);
        for (Provider provider : periods.providersMissing(tertial, area)) {
            Map<String, Object> model = new HashMap<>();
            model.put("reference", execution.getProcessBusinessKey());
            model.put("provider", provider.name());
            model.put("period", tertial.code());
            model.put("deadline", deadline);
            model.put("missing", String.join(", ", missing.stream().filter(m -> m.startsWith(provider.name()))
                    .map(m -> m.substring(m.lastIndexOf(": ") + 2)).toList()));
            mailer.send(new OutgoingMail(execution.getProcessBusinessKey() + "/reminder@" + deadline + "/"
                    + provider.name(), provider.email(), "quality-results-reminder", Locale.forLanguageTag("sv"),
                    model));
        }
    }
}
