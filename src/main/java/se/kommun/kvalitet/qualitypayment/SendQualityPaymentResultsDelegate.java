package se.kommun.kvalitet.qualitypayment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;

/**
 * "Meddela utförarna": each provider its result, per indicator, and its amount, after the decision. Runs after an
 * async boundary with retries; the idempotency key is per period and provider. No input parameters.
 */
@Component("sendQualityPaymentResults")
class SendQualityPaymentResultsDelegate implements JavaDelegate {

    private final QualityPeriods periods;
    private final QualityPaymentSettings settings;
    private final Mailer mailer;

    SendQualityPaymentResultsDelegate(QualityPeriods periods, QualityPaymentSettings settings, Mailer mailer) {
        this.periods = periods;
        this.settings = settings;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Tertial tertial = Tertial.parse(QualityPaymentPeriodProcess.PERIOD.in(execution)).orElseThrow();
        String area = QualityPaymentPeriodProcess.AREA.in(execution);
        QualityRepository.Period period = periods.period(tertial, area).orElseThrow();
        for (QualityPeriods.Breakdown breakdown : periods.breakdowns(period)) {
            QualityRepository.Payment payment = breakdown.payment();
            Provider provider = periods.provider(tertial, area, payment.provider()).orElseThrow();
            List<Map<String, String>> lines = new ArrayList<>();
            for (QualityRepository.Result result : breakdown.results()) {
                QualityPaymentSettings.Indicator indicator = settings.indicator(result.indicator()).orElseThrow();
                lines.add(Map.of("name", indicator.nameSv(), "value", result.value().stripTrailingZeros()
                        .toPlainString(), "unit", indicator.unit() == null ? "" : indicator.unit()));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("reference", period.decisionNumber());
            model.put("provider", payment.provider());
            model.put("period", tertial.code());
            model.put("lines", lines);
            model.put("level", payment.level());
            model.put("rate", Amounts.number(payment.ratePerHour()));
            model.put("hours", Amounts.number(payment.performedHours()));
            model.put("amount", Amounts.kronor(payment.amount()));
            mailer.send(new OutgoingMail(execution.getProcessBusinessKey() + "/result/" + payment.provider(),
                    provider.email(), "quality-payment-result", Locale.forLanguageTag("sv"), model));
        }
    }
}
