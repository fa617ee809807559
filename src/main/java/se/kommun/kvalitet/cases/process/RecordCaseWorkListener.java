package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.answertemplates.AnswerTemplates;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.shared.ProcessVariable;

/**
 * On completing an officer's task, copies what the form captured onto the case, in the same transaction:
 * if the case cannot be written, the task stays open and nothing is half-saved. Input parameter
 * {@code step}: {@code investigate}, {@code act}, {@code feedback} or {@code reopening}.
 */
@Component("recordCaseWork")
class RecordCaseWorkListener implements TaskListener {

    private final CaseWork work;
    private final AnswerTemplates templates;

    RecordCaseWorkListener(CaseWork work, AnswerTemplates templates) {
        this.work = work;
        this.templates = templates;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        if (execution == null) {
            // Another completion of the same task committed first and removed its execution (two tabs, two
            // officers). Say so as the conflict it is (engine REST error code 1), not as a NullPointerException.
            throw new OptimisticLockingException("Task " + task.getId() + " was completed concurrently");
        }
        // The business key, set by the server; a variable could have come from whoever completes the task.
        String reference = CaseProcess.reference(execution);
        String officer = task.getAssignee();
        switch (String.valueOf(execution.getVariableLocal("step"))) {
            case "investigate" -> {
                work.documentInvestigation(reference, text(task, CaseProcess.FINDINGS),
                        text(task, CaseProcess.OUTCOME), text(task, CaseProcess.SUPPLEMENT_QUESTION),
                        text(task, CaseProcess.FORWARDED_TO), officer);
                if ("supplement".equals(text(task, CaseProcess.OUTCOME))) {
                    recordTemplate(task, reference, CaseProcess.SUPPLEMENT_TEMPLATE, "SUPPLEMENT_REQUEST", officer);
                }
            }
            case "act" -> work.decideMeasures(reference, text(task, CaseProcess.MEASURES),
                    text(task, CaseProcess.ROOT_CAUSE), officer);
            case "feedback" -> {
                work.answer(reference, text(task, CaseProcess.FEEDBACK), officer);
                recordTemplate(task, reference, CaseProcess.FEEDBACK_TEMPLATE, "FEEDBACK", officer);
            }
            case "reopening" -> work.assessReopening(reference, text(task, CaseProcess.REOPEN_DECISION),
                    text(task, CaseProcess.REOPENING_NOTE), officer);
            default -> throw new IllegalArgumentException("recordCaseWork needs input 'step'");
        }
    }

    private void recordTemplate(DelegateTask task, String reference, ProcessVariable<String> picked, String step,
            String officer) {
        String template = text(task, picked);
        if (template != null && !template.isBlank()) {
            work.recordTemplateUsed(reference, step, templates.describe(template), officer);
            // Only this completion's pick counts: a later round of the same step starts without one.
            task.getExecution().removeVariable(picked.name());
        }
    }

    /** Tolerant of a client's value type: a form or REST client may send a field as a number or boolean. */
    private static String text(DelegateTask task, ProcessVariable<String> variable) {
        Object value = task.getVariable(variable.name());
        return value == null ? null : value.toString();
    }
}
