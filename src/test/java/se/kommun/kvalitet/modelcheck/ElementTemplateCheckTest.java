package se.kommun.kvalitet.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Element templates stay true to the delegates they configure. */
class ElementTemplateCheckTest {

    private static final Path TEMPLATES = Path.of(".camunda/element-templates");
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    private final ElementTemplateChecker checker =
            new ElementTemplateChecker(KnownNames.scan(), MAIN_SOURCES);

    @Test
    void everyTemplateIsValidAndMatchesItsDelegate() {
        assertThat(ModelChecker.files(TEMPLATES, ".json")).isNotEmpty();
        assertThat(checker.check(TEMPLATES)).map(Violation::toString).isEmpty();
    }

    @Test
    void brokenTemplateIsCaught(@TempDir Path templates) throws IOException {
        String broken = Files.readString(TEMPLATES.resolve("escalate.json"))
                .replace("\"name\": \"level\"", "\"name\": \"urgency\"")
                .replace("\"appliesTo\"", "\"appliesTo-typo\"")
                .replace("\"value\": \"${dueDate}\"", "\"value\": \"${deadline}\"");
        Files.writeString(templates.resolve("escalate.json"), broken);

        assertThat(checker.check(templates)).map(Violation::toString)
                .contains("escalate.json: template 'se.kommun.kvalitet.escalate': input parameter 'urgency' "
                        + "is not read by se/kommun/kvalitet/escalation/EscalateDelegate.java [template-input-read]",
                        "escalate.json: template 'se.kommun.kvalitet.escalate': property 'dueDate' reads 'deadline', "
                        + "which no process declares [template-variable-declared]")
                .anyMatch(violation -> violation.contains("appliesTo") && violation.endsWith("[template-schema]"));
    }
}
