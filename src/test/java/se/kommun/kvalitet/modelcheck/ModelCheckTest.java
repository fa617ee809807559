package se.kommun.kvalitet.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modelling rules over every file in processes/ and forms/, without Spring or an engine. */
class ModelCheckTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    /** "Berömmet är förmedlat" is a required confirmation kept in history; no step needs to read it. */
    private static final Set<String> UNREAD_FORM_KEYS = Set.of("praiseShared");

    private final ModelChecker checker = new ModelChecker(KnownNames.scan(Path.of("src/main/java")),
            Path.of("src/test/java"), UNREAD_FORM_KEYS);

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
                        + "server may write (CaseProcess.SERVER_VARIABLES) [server-only-field]");
    }

    @Test
    void brokenCopyOfTheCaseProcessIsCaught(@TempDir Path processes) throws IOException {
        String model = Files.readString(PROCESSES.resolve("case-handling.bpmn"));
        String broken = model
                .replace(" name=\"Avsluta ärende\"", "")
                .replaceFirst("(<serviceTask[^>]*?)\\$\\{sendCaseMail}([^>]*id=\"sendFeedback\")", "$1\\${nope}$2")
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
}
