package se.kommun.kvalitet.cases.process;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.survey.SurveyAnswered;

/**
 * Wakes the case's process waiting for the survey answer, in the answering transaction: if the process step fails,
 * the answer is not stored either and the citizen may send it again.
 */
@Component
class SurveyAnsweredListener {

    private static final Logger log = LoggerFactory.getLogger(SurveyAnsweredListener.class);

    private final RuntimeService runtimeService;

    SurveyAnsweredListener(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void answered(SurveyAnswered answer) {
        VariableMap variables = Variables.createVariables();
        variables.putValue(CaseProcess.REOPENING_REQUESTED.name(), answer.reopeningAsked());
        variables.putValue(CaseProcess.SURVEY_CONTACT_ALLOWED.name(), answer.contactAllowed());
        variables.putValue(CaseProcess.SURVEY_ANSWERED_AT.name(), Date.from(answer.answeredAt()));
        variables.putValue(CaseProcess.SURVEY_ANSWER.name(), Markdown.escape(answer.summary()));
        // correlateAll: matches nothing quietly (see CitizenSupplements) when the wait ended the same moment.
        if (runtimeService.createMessageCorrelation(CaseProcess.SURVEY_ANSWERED_MESSAGE)
                .processInstanceBusinessKey(answer.reference()).setVariables(variables)
                .correlateAllWithResult().isEmpty()) {
            log.info("Survey answer for case {} kept; no process waits for it", answer.reference());
        }
    }
}
