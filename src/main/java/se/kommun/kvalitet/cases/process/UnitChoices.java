package se.kommun.kvalitet.cases.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * The investigate form's "Till vilken enhet?" lists the organisation's units, not a list of its own: a Json
 * variable of [{label, value}] that Tasklist's form-js reads through the select's {@code valuesKey}. Written
 * whenever the case gets a unit, without that unit (a case is not sent to the unit that has it).
 */
@Component
class UnitChoices {

    private final Organisation organisation;
    private final ObjectMapper json;

    UnitChoices(Organisation organisation, ObjectMapper json) {
        this.organisation = organisation;
        this.json = json;
    }

    void offerOthersThan(DelegateExecution execution, String officerGroup) {
        List<Map<String, String>> choices = organisation.units().stream()
                .filter(unit -> !unit.officerGroup().equals(officerGroup))
                .map(unit -> {
                    Map<String, String> choice = new LinkedHashMap<>();
                    choice.put("label", unit.name());
                    choice.put("value", unit.officerGroup());
                    return choice;
                })
                .toList();
        try {
            execution.setVariable(CaseProcess.UNIT_CHOICES.name(),
                    SpinValues.jsonValue(json.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unit choices cannot be written as JSON", e);
        }
    }
}
