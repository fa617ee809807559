package se.kommun.kvalitet.qualitypayment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Meddela utförarna": each provider its result, per indicator, and its amount, after the decision. Runs after an
 * async boundary with retries; the idempotency key is per period and provider. No input parameters.
 */
@Component("sendQualityPaymentResults")
class SendQualityPaymentResultsDelegate implements JavaDelegate {

    private final QualityPeriods periods;
    private final QualityPaymentSettings settings;
    private final ProviderMails mails;

    SendQualityPaymentResultsDelegate(QualityPeriods periods, QualityPaymentSettings settings, ProviderMails mails) {
        this.periods = periods;
        this.settings = settings;
        this.mails = mails;
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
            mails.send(execution.getProcessBusinessKey(), "result", period.decisionNumber(), provider, tertial,
                    "quality-payment-result", Map.of("lines", lines, "level", payment.level(),
                            "rate", Amounts.number(payment.ratePerHour()),
                            "hours", Amounts.number(payment.performedHours()),
                            "amount", Amounts.kronor(payment.amount())));
        }
    }
}
