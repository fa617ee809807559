package se.kommun.kvalitet.awards;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Anmäla jäv": on create, every submitted application as the checklist's options; on complete, the ticked ones
 * recorded as her conflicts of interest.
 */
@Component("awardConflictsStep")
class AwardConflictsStep implements TaskListener {

    private final AwardJury jury;

    AwardConflictsStep(AwardJury jury) {
        this.jury = jury;
    }

    @Override
    public void notify(DelegateTask task) {
        String call = AwardProcess.CALL.in(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(AwardProcess.CONFLICT_CHOICES.name(),
                    SpinValues.jsonValue(jury.choicesJson(jury.conflictChoices(call))).create());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            try {
                jury.recordConflicts(call, AwardProcess.JURY_MEMBER.in(task),
                        AwardProcess.DECLARED_CONFLICTS.find(task).orElse(null));
                // Taken into the table; the next member must not read this member's ticks.
                task.removeVariable(AwardProcess.DECLARED_CONFLICTS.name());
            } catch (InvalidAwardInputException refused) {
                throw new AwardTaskRefusal(refused);
            }
        }
    }
}
