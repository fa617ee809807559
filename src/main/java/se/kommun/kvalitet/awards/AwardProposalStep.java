package se.kommun.kvalitet.awards;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Föreslå vinnare": on create, each category's first place as a line to motivate; on complete, the proposal
 * checked by {@link WinnerProposal} (ranked applications, a motivation each) and handed to "Registrera beslut".
 */
@Component("awardProposalStep")
class AwardProposalStep implements TaskListener {

    private final AwardJury jury;

    AwardProposalStep(AwardJury jury) {
        this.jury = jury;
    }

    @Override
    public void notify(DelegateTask task) {
        String call = AwardProcess.CALL.in(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(AwardProcess.WINNER_MOTIVATIONS.name(), jury.proposalTemplate(call));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String proposal = AwardProcess.submitted(task, AwardProcess.WINNER_MOTIVATIONS);
            try {
                jury.proposal(call, proposal);
            } catch (InvalidAwardInputException refused) {
                throw new AwardTaskRefusal(refused);
            }
            AwardProcess.WINNER_MOTIVATIONS.set(task.getExecution(), proposal);
        }
    }
}
