package se.kommun.kvalitet.awards;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Poängsätta ansökningar": on create, the member's applications (those she declared no conflict on) and a line
 * to fill in per application and criterion; on complete, every score checked by {@link JuryScoring} and stored, or
 * none. A line on an application she declared a conflict on is refused ({@link ConflictOfInterestException}).
 */
@Component("awardScoringStep")
class AwardScoringStep implements TaskListener {

    private final AwardJury jury;

    AwardScoringStep(AwardJury jury) {
        this.jury = jury;
    }

    @Override
    public void notify(DelegateTask task) {
        String call = AwardProcess.CALL.in(task);
        String member = AwardProcess.JURY_MEMBER.in(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(AwardProcess.SCORING_SHEET.name(), jury.scoringSheet(call, member));
            task.setVariableLocal(AwardProcess.JURY_SCORES.name(), jury.scoringTemplate(call, member));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            try {
                jury.recordScores(call, member, AwardProcess.submitted(task, AwardProcess.JURY_SCORES));
            } catch (InvalidAwardInputException refused) {
                throw new AwardTaskRefusal(refused);
            } catch (ConflictOfInterestException refused) {
                throw new AwardTaskRefusal(refused);
            }
        }
    }
}
