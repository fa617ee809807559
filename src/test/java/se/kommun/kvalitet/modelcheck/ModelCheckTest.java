package se.kommun.kvalitet.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modelling rules over every file in processes/ and forms/, without Spring or an engine. */
class ModelCheckTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private final ModelChecker checker = new ModelChecker(KnownNames.scan(), Path.of("src/test/java"));

    @Test
    void processesAndFormsFollowTheModellingRules() {
        assertThat(checker.check(PROCESSES, FORMS)).map(Violation::toString).isEmpty();
    }

    @Test
    void aFormFieldForAServerVariableOrOneTheGuardCannotCheckIsCaught(@TempDir Path forms) throws IOException {
        for (Path form : ModelChecker.files(FORMS, ".form")) {
            Files.copy(form, forms.resolve(form.getFileName()));
        }
        // An officer could otherwise bind the task to another case, or submit a list the guard cannot check.
        Path investigate = forms.resolve("investigate-case.form");
        Files.writeString(investigate, Files.readString(investigate)
                .replace("\"key\": \"forwardedTo\"", "\"key\": \"caseReference\"")
                .replace("\"type\": \"select\"", "\"type\": \"taglist\""));

        assertThat(checker.check(PROCESSES, forms)).map(Violation::toString).containsExactlyInAnyOrder(
                "investigate-case.form: form 'investigate-case': component 'investigate_case_rerouteTo' uses "
                        + "component type 'taglist', which the server cannot check [form-checkable]",
                "investigate-case.form: form 'investigate-case': field 'caseReference' is a variable only the "
                        + "server may write (declared server-only) [server-only-field]");
    }

    @Test
    void brokenCopyOfTheCaseProcessIsCaught(@TempDir Path processes) throws IOException {
        String model = Files.readString(PROCESSES.resolve("case-handling.bpmn"));
        String broken = model
                .replace(" name=\"Avsluta ärende\"", "")
                .replaceFirst("(<bpmn:serviceTask id=\"sendFeedback\"[^>]*?)\\$\\{sendCaseMail}", "$1\\${nope}")
                .replace(" camunda:historyTimeToLive=\"730\"", "");
        assertThat(broken).isNotEqualTo(model);
        Files.writeString(processes.resolve("case-handling.bpmn"), broken);

        assertThat(checker.check(processes, FORMS)).map(Violation::toString).containsExactlyInAnyOrder(
                "case-handling.bpmn: process 'caseHandling' (Synpunkt och felanmälan): "
                        + "has no camunda:historyTimeToLive [history-time-to-live]",
                "case-handling.bpmn: serviceTask 'closeCase': has no name [named]",
                "case-handling.bpmn: serviceTask 'sendFeedback' (Skicka återkoppling): "
                        + "delegate '${nope}' is not a known bean [known-delegate]");
    }

    @Test
    void aVariableTheProcessDoesNotDeclareIsCaught(@TempDir Path processes, @TempDir Path forms) throws IOException {
        for (Path form : ModelChecker.files(FORMS, ".form")) {
            Files.copy(form, forms.resolve(form.getFileName()));
        }
        Path investigate = forms.resolve("investigate-case.form");
        Files.writeString(investigate, Files.readString(investigate)
                .replace("\"key\": \"findings\"", "\"key\": \"findingz\"")
                .replace("\"valuesKey\": \"unitChoices\"", "\"valuesKey\": \"rerouteTo\""));
        String model = Files.readString(PROCESSES.resolve("case-handling.bpmn"));
        String broken = model.replace("${caseType != 'FAULT_REPORT' &amp;&amp;", "${caseKind != 'FAULT_REPORT' &amp;&amp;")
                .replace("camunda:resultVariable=\"routing\"", "camunda:resultVariable=\"routingResult\"");
        assertThat(broken).isNotEqualTo(model);
        Files.writeString(processes.resolve("case-handling.bpmn"), broken);

        assertThat(checker.check(processes, forms)).map(Violation::toString).containsExactlyInAnyOrder(
                "case-handling.bpmn: sequenceFlow 'kindFeedbackOrQuestion' (Synpunkt eller fråga): reads "
                        + "'caseKind', which the process does not declare [variable-declared]",
                "case-handling.bpmn: businessRuleTask 'routeCase' (Fördela ärende): writes 'routingResult', "
                        + "which the process does not declare [variable-declared]",
                "case-handling.bpmn: userTask 'investigate' (Utreda och dokumentera): form 'investigate-case' has "
                        + "field 'findingz', which the process does not declare [form-field-declared]",
                "case-handling.bpmn: userTask 'investigate' (Utreda och dokumentera): form 'investigate-case' takes "
                        + "options from 'rerouteTo', which the process does not declare as server-only "
                        + "[form-options-declared]",
                "investigate-case.form: form 'investigate-case': field 'findingz' is read neither by a process nor "
                        + "by Java [unused-form-key]");
    }

    /**
     * The drawing the generator made, which the diagram replaced (kept for MigrationTest): what issue 16 found in
     * it is what the rules report.
     */
    @Test
    void theGeneratedDrawingIsRefused(@TempDir Path processes) throws IOException {
        Path generated = Path.of("src/test/resources/processtooling/case-handling-generated.bpmn");
        Files.copy(generated, processes.resolve("case-handling.bpmn"));

        List<String> violations = checker.check(processes, FORMS).stream().map(Violation::toString).toList();

        assertThat(violations).filteredOn(v -> v.endsWith("[orthogonal-edges]")).as("the three loop-backs")
                .hasSize(3).allMatch(v -> v.contains("runs diagonally"));
        assertThat(violations).contains("case-handling.bpmn: sequenceFlow 'sequenceFlow_a10581ae-9dba-43df-b86e-"
                + "6dd634cb0f0e' (Inte vårt ansvar): runs through 'act' [edge-through-shape]");
        assertThat(violations).filteredOn(v -> v.endsWith("[plain-names]")).hasSize(4)
                .allMatch(v -> v.contains("${caseReference}"));
        assertThat(violations).filteredOn(v -> v.endsWith("[label-placed]")).isNotEmpty();
        long generatedIds = Pattern.compile("id=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-").matcher(Files.readString(generated))
                .results().count();
        assertThat(violations).filteredOn(v -> v.endsWith("[readable-ids]")).hasSize((int) generatedIds);
    }
}
