package se.kommun.kvalitet.awards;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Registrera beslut": the chair's winners with the jury's motivation, in the proposal's transaction; from then on
 * the call is public on "goda exempel". No input parameters.
 */
@Component("recordAwardDecision")
class RecordAwardDecisionDelegate implements JavaDelegate {

    private final AwardJury jury;
    private final IdentityService identityService;

    RecordAwardDecisionDelegate(AwardJury jury, IdentityService identityService) {
        this.jury = jury;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication current = identityService.getCurrentAuthentication();
        jury.recordDecision(AwardProcess.CALL.in(execution), AwardProcess.WINNER_MOTIVATIONS.in(execution),
                current == null ? null : current.getUserId());
    }
}
