package se.kommun.kvalitet.qualitypayment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Registrera beslut": the payment decision gets its number (KVP-2026-000001) and the approver, in the approval's
 * transaction; from then on no result of the period changes. No input parameters.
 */
@Component("recordQualityPaymentDecision")
class RecordQualityPaymentDecisionDelegate implements JavaDelegate {

    private final QualityPeriods periods;
    private final IdentityService identityService;

    RecordQualityPaymentDecisionDelegate(QualityPeriods periods, IdentityService identityService) {
        this.periods = periods;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication current = identityService.getCurrentAuthentication();
        periods.recordDecision(Tertial.parse(QualityPaymentPeriodProcess.PERIOD.in(execution)).orElseThrow(),
                QualityPaymentPeriodProcess.AREA.in(execution), current == null ? null : current.getUserId());
    }
}
