package se.kommun.kvalitet.cases.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.answertemplates.AnswerTemplate;
import se.kommun.kvalitet.cases.answertemplates.AnswerTemplates;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.cases.record.CitizenCase;
import se.kommun.kvalitet.shared.ProcessVariable;

/**
 * Offers the svarsmallar for the case's category on "Utreda och dokumentera" (supplement request) and "Återkoppla"
 * (feedback, and "forwarded" when the case was referred elsewhere): the form's options, each with its text in the
 * citizen's language and the placeholders filled in, which Tasklist's answer-template script puts into the answer
 * field when the officer picks it. Runs on create and again on assignment, when {handläggare} becomes known.
 * Input: the task's {@code step} ({@code investigate} or {@code feedback}).
 */
@Component("offerAnswerTemplates")
class OfferAnswerTemplatesListener implements TaskListener {

    private final AnswerTemplates templates;
    private final CaseWork work;
    private final IdentityService identityService;
    private final ObjectMapper json;

    OfferAnswerTemplatesListener(AnswerTemplates templates, CaseWork work, IdentityService identityService,
            ObjectMapper json) {
        this.templates = templates;
        this.work = work;
        this.identityService = identityService;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        CitizenCase citizenCase = work.find(CaseProcess.reference(execution));
        String officer = officerName(task.getAssignee());
        switch (String.valueOf(execution.getVariableLocal("step"))) {
            case "investigate" -> write(execution, templates.offer(citizenCase,
                    List.of(AnswerTemplate.Step.SUPPLEMENT_REQUEST), officer),
                    CaseProcess.SUPPLEMENT_TEMPLATE_CHOICES);
            case "feedback" -> write(execution, templates.offer(citizenCase, citizenCase.forwardedTo() == null
                            ? List.of(AnswerTemplate.Step.FEEDBACK)
                            : List.of(AnswerTemplate.Step.FEEDBACK, AnswerTemplate.Step.FORWARDED), officer),
                    CaseProcess.FEEDBACK_TEMPLATE_CHOICES);
            default -> throw new IllegalArgumentException("offerAnswerTemplates needs input 'step'");
        }
    }

    private void write(DelegateExecution execution, List<AnswerTemplates.Offered> offered,
            ProcessVariable<?> choicesVariable) {
        List<Map<String, String>> choices = offered.stream().map(template -> {
            Map<String, String> choice = new LinkedHashMap<>();
            choice.put("label", template.title());
            choice.put("value", template.id());
            choice.put("text", template.text());
            return choice;
        }).toList();
        try {
            execution.setVariable(choicesVariable.name(), SpinValues.jsonValue(json.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer template choices cannot be written as JSON", e);
        }
    }

    private String officerName(String userId) {
        if (userId == null) {
            return null;
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
