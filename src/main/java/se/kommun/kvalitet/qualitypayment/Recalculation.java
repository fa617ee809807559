package se.kommun.kvalitet.qualitypayment;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Tells a computed period's process that a result changed: review and approval start again from a new computation. */
@Component
class Recalculation {

    private final RuntimeService runtimeService;

    Recalculation(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    void request(QualityRepository.Period period) {
        Tertial tertial = Tertial.parse(period.period()).orElseThrow();
        runtimeService.createMessageCorrelation(QualityPaymentPeriodProcess.RESULT_CORRECTED)
                .processInstanceBusinessKey(QualityPaymentPeriodProcess.businessKey(tertial, period.area()))
                .correlateAll();
    }
}
