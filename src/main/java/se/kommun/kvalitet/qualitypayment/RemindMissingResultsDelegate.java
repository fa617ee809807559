package se.kommun.kvalitet.qualitypayment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * "Påminn utförarna": each provider whose results are still missing gets the list and the deadline; the officers
 * are reminded by the escalation step after it. Async with retries; the key is per period, due date and provider.
 * No input parameters.
 */
@Component("remindMissingResults")
class RemindMissingResultsDelegate implements JavaDelegate {

    private final QualityPeriods periods;
    private final ProviderMails mails;
    private final Clock clock;

    RemindMissingResultsDelegate(QualityPeriods periods, ProviderMails mails, Clock clock) {
        this.periods = periods;
        this.mails = mails;
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
            String own = String.join(", ", missing.stream().filter(m -> m.startsWith(provider.name()))
                    .map(m -> m.substring(m.lastIndexOf(": ") + 2)).toList());
            mails.send(execution.getProcessBusinessKey(), "reminder@" + deadline, execution.getProcessBusinessKey(),
                    provider, tertial, "quality-results-reminder", Map.of("deadline", deadline, "missing", own));
        }
    }
}
