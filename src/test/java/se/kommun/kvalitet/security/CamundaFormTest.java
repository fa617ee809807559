package se.kommun.kvalitet.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a submission of a Camunda Form may carry, field kind by field kind, without an engine. */
class CamundaFormTest {

    private static CamundaForm form(String components) {
        return CamundaForm.parse(("{\"id\":\"f\",\"type\":\"default\",\"components\":[" + components + "]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(CamundaForm form, Map<String, ?> submitted) {
        return problems(form, submitted, Map.of());
    }

    private static List<String> problems(CamundaForm form, Map<String, ?> submitted, Map<String, Object> scope) {
        return form.check(submitted, scope::get).stream().map(problem -> problem.field() + ": " + problem.english()).toList();
    }

    @Test
    void theProjectsFormsAreReadAsTasklistSubmitsThem() throws Exception {
        CamundaForm investigate = CamundaForm.parse(Files.readAllBytes(Path.of("forms/investigate-case.form")));

        assertThat(investigate.id()).isEqualTo("investigate-case");
        assertThat(investigate.keys()).containsExactly("findings", "investigationOutcome", "supplementTemplate",
                "supplementQuestion", "rerouteTo", "forwardedTo");
        assertThat(investigate.optionsVariables()).containsExactly("supplementTemplateChoices", "unitChoices");
        // Hidden fields are left out by Tasklist; an empty optional text field may come as "".
        assertThat(problems(investigate, Map.of("findings", "Utrett.", "investigationOutcome", "continue",
                "forwardedTo", ""))).isEmpty();
    }

    @Test
    void textIsRequiredNonBlankAndWithinItsLengths() {
        CamundaForm form = form("""
                {"type":"textfield","key":"name","validate":{"required":true,"minLength":2,"maxLength":5,
                 "pattern":"^[a-z]+$"}}""");

        assertThat(problems(form, Map.of())).containsExactly("name: required field missing");
        assertThat(problems(form, Map.of("name", "  "))).containsExactly("name: required field missing");
        assertThat(problems(form, Map.of("name", "abcdef"))).containsExactly("name: at most 5 characters");
        assertThat(problems(form, Map.of("name", "a"))).containsExactly("name: at least 2 characters");
        assertThat(problems(form, Map.of("name", "ab1"))).containsExactly("name: has the wrong format");
        assertThat(problems(form, Map.of("name", 12))).containsExactly("name: must be text");
        assertThat(problems(form, Map.of("name", Variables.stringValue("abc")))).isEmpty();
    }

    @Test
    void choicesAreTheListedOptionsAndACheckboxThatIsRequiredMustBeChecked() {
        CamundaForm form = form("""
                {"type":"radio","key":"outcome","values":[{"label":"A","value":"a"}],"validate":{"required":true}},
                {"type":"checkbox","key":"confirmed","validate":{"required":true}}""");

        assertThat(problems(form, Map.of("outcome", "b", "confirmed", false))).containsExactly(
                "outcome: the value is not one of the form's options", "confirmed: must be checked");
        assertThat(problems(form, Map.of("outcome", "a", "confirmed", "true")))
                .containsExactly("confirmed: must be true or false");
        assertThat(problems(form, Map.of("outcome", "a", "confirmed", true))).isEmpty();
    }

    /** Options from a variable (form-js {@code valuesKey}) are what that variable holds now, JSON or a list. */
    @Test
    void choicesFromAVariableAreTheValuesItHolds() {
        CamundaForm form = form("{\"type\":\"select\",\"key\":\"unit\",\"valuesKey\":\"units\"}");
        String json = "[{\"label\":\"Gata och park\",\"value\":\"streetsOfficers\"}]";

        assertThat(form.optionsVariables()).containsExactly("units");
        assertThat(problems(form, Map.of("unit", "streetsOfficers"), Map.of("units", json))).isEmpty();
        assertThat(problems(form, Map.of("unit", "streetsOfficers"),
                Map.of("units", List.of(Map.of("label", "Gata och park", "value", "streetsOfficers"))))).isEmpty();
        assertThat(problems(form, Map.of("unit", "careOfficers"), Map.of("units", json)))
                .containsExactly("unit: the value is not one of the form's options");
        assertThat(problems(form, Map.of("unit", "streetsOfficers")))
                .as("no variable, no options").containsExactly("unit: the value is not one of the form's options");
    }

    @Test
    void datesTimesAndNumbersAreIso8601AndNumeric() {
        CamundaForm form = form("""
                {"type":"datetime","key":"day","subtype":"date"},{"type":"datetime","key":"at","subtype":"datetime"},
                {"type":"number","key":"count"}""");

        assertThat(problems(form, Map.of("day", "2026-04-02", "at", "2026-04-02T10:15", "count", 3))).isEmpty();
        assertThat(problems(form, Map.of("day", "2 april", "at", "10:15", "count", "tre"))).containsExactly(
                "day: must be a date or time (ISO 8601)", "at: must be a date or time (ISO 8601)",
                "count: must be a number");
    }

    @Test
    void aFieldShownOnlyUnderAConditionIsNotRequiredHereAndOthersAreRefused() {
        CamundaForm form = form("""
                {"type":"textfield","key":"why","validate":{"required":true},"conditional":{"hide":"=x"}},
                {"type":"text","text":"{{caseReference}}"},{"type":"textfield","key":"off","disabled":true}""");
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("off", "x");
        submitted.put("caseReference", "SYN-2026-000001");
        submitted.put("why", null);

        assertThat(form.keys()).containsExactly("why");
        assertThat(problems(form, submitted)).containsExactlyInAnyOrder("off: not a field of the form",
                "caseReference: not a field of the form");
    }

    @Test
    void jsonObjectAndFileVariablesAreNeverAFieldsValue() {
        CamundaForm form = form("{\"type\":\"textarea\",\"key\":\"notes\"}");

        assertThat(problems(form, Map.of("notes", Variables.objectValue(Map.of("a", 1)).create())))
                .containsExactly("notes: the value has the wrong type");
        assertThat(problems(form, Map.of("notes", List.of("a")))).containsExactly("notes: the value has the wrong type");
    }

    /** A checklist is a list of its options, as Tasklist submits it (a Json variable), as JSON text or a list. */
    @Test
    void aChecklistIsAListOfItsOptions() {
        CamundaForm form = form("{\"type\":\"checklist\",\"key\":\"done\",\"valuesKey\":\"choices\"}");
        Map<String, Object> scope = Map.of("choices", "[{\"label\":\"Ett\",\"value\":\"1\"},{\"label\":\"Två\",\"value\":\"2\"}]");

        assertThat(form.optionsVariables()).containsExactly("choices");
        assertThat(problems(form, Variables.createVariables().putValueTyped("done",
                SpinValues.jsonValue("[\"1\",\"2\"]").create()), scope)).isEmpty();
        assertThat(problems(form, Map.of("done", "[]"), scope)).isEmpty();
        assertThat(problems(form, Map.of("done", List.of("2")), scope)).isEmpty();
        assertThat(problems(form, Map.of("done", List.of("3")), scope))
                .containsExactly("done: the value is not one of the form's options");
        assertThat(problems(form, Map.of("done", "[1]"), scope))
                .containsExactly("done: the value is not one of the form's options");
        assertThat(problems(form, Map.of("done", "1"), scope)).containsExactly("done: must be a list of the form's options");
        assertThat(problems(form, Map.of("done", Variables.objectValue(List.of("1")).create()), scope))
                .containsExactly("done: the value has the wrong type");
    }

    @Test
    void whatTheServerCannotCheckIsRefusedWhenTheFormIsRead() {
        assertThatThrownBy(() -> form("{\"type\":\"taglist\",\"key\":\"tags\",\"id\":\"t\"}"))
                .hasMessageContaining("component type 'taglist'");
        assertThatThrownBy(() -> form("{\"type\":\"textfield\",\"key\":\"a.b\",\"id\":\"t\"}"))
                .hasMessageContaining("only plain names");
        assertThatThrownBy(() -> form("{\"type\":\"select\",\"key\":\"s\",\"valuesExpression\":\"=x\",\"id\":\"t\"}"))
                .hasMessageContaining("options that are neither listed");
        assertThatThrownBy(() -> form("{\"type\":\"select\",\"key\":\"s\",\"valuesKey\":\"a.b\",\"id\":\"t\"}"))
                .hasMessageContaining("only a plain variable name");
        assertThatThrownBy(() -> form("{\"type\":\"group\",\"path\":\"address\",\"id\":\"g\",\"components\":[]}"))
                .hasMessageContaining("data path");
        assertThatThrownBy(() -> CamundaForm.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a JSON form schema");
    }
}
