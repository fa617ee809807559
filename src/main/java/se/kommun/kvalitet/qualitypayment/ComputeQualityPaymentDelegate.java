package se.kommun.kvalitet.qualitypayment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Beräkna kvalitetspeng": the decision qualityPayment for every provider of the period, amounts stored, the sum
 * for Tasklist in {@code paymentSummary}. Runs again after each correction until approval. No input parameters.
 */
@Component("computeQualityPayment")
class ComputeQualityPaymentDelegate implements JavaDelegate {

    private final QualityPeriods periods;

    ComputeQualityPaymentDelegate(QualityPeriods periods) {
        this.periods = periods;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Tertial tertial = Tertial.parse(QualityPaymentPeriodProcess.PERIOD.in(execution)).orElseThrow();
        QualityPaymentPeriodProcess.PAYMENT_SUMMARY.set(execution,
                periods.compute(tertial, QualityPaymentPeriodProcess.AREA.in(execution)));
    }
}
