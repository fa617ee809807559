package se.kommun.kvalitet.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.shared.ProcessVariable;
import se.kommun.kvalitet.shared.ProcessVariables;

/** The variable table process owners read in docs/processes.md is the declaration, name for name and type for type. */
class ProcessVariablesDocumentedTest {

    private static final Map<Class<?>, String> DOCUMENTED_TYPES = Map.of(String.class, "text", Date.class, "datum",
            Integer.class, "heltal", Boolean.class, "ja/nej", Map.class, "map (JSON)", SpinJsonNode.class, "JSON",
            Number.class, "tal", Long.class, "heltal", Object.class, "lista (JSON) eller text",
            List.class, "lista (JSON)");
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`(\\w+)`");

    @Test
    void theCaseProcessTableListsEveryDeclaredVariableWithItsType() throws IOException {
        ProcessVariables declared = KnownNames.scan().declarationOf("caseHandling");
        Map<String, String> expected = new TreeMap<>();
        for (ProcessVariable<?> variable : declared.variables()) {
            expected.put(variable.name(), DOCUMENTED_TYPES.get(variable.type()));
        }

        assertThat(documentedTypes(Path.of("docs/processes.md"), "## 2. Processvariabler")).isEqualTo(expected);
    }

    @Test
    void theDeviationProcessTableListsEveryDeclaredVariableWithItsType() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (ProcessVariable<?> variable : KnownNames.scan().declarationOf("deviationHandling").variables()) {
            expected.put(variable.name(), DOCUMENTED_TYPES.get(variable.type()));
        }

        assertThat(documentedTypes(Path.of("docs/avvikelser.md"), "## 4. Processvariabler")).isEqualTo(expected);
    }

    @Test
    void theContractFollowUpTableListsEveryDeclaredVariableWithItsType() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (ProcessVariable<?> variable : KnownNames.scan().declarationOf("contractFollowUp").variables()) {
            expected.put(variable.name(), DOCUMENTED_TYPES.get(variable.type()));
        }

        assertThat(documentedTypes(Path.of("docs/avtal.md"), "## 4. Processvariabler")).isEqualTo(expected);
    }

    @Test
    void theQualityAwardTableListsEveryDeclaredVariableWithItsType() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (ProcessVariable<?> variable : KnownNames.scan().declarationOf("qualityAward").variables()) {
            expected.put(variable.name(), DOCUMENTED_TYPES.get(variable.type()));
        }

        assertThat(documentedTypes(Path.of("docs/utmarkelser.md"), "## 4. Processvariabler")).isEqualTo(expected);
    }

    @Test
    void theUnitActionPlanTableListsEveryDeclaredVariableWithItsType() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (ProcessVariable<?> variable : KnownNames.scan().declarationOf("unitActionPlan").variables()) {
            expected.put(variable.name(), DOCUMENTED_TYPES.get(variable.type()));
        }

        assertThat(documentedTypes(Path.of("docs/statistik.md"), "## Handlingsplanens process")).isEqualTo(expected);
    }

    private static Map<String, String> documentedTypes(Path doc, String heading) throws IOException {
        String text = Files.readString(doc);
        String section = text.substring(text.indexOf(heading));
        section = section.substring(0, section.indexOf("\n## ", heading.length()));
        Map<String, String> types = new TreeMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                types.put(name.group(1), row.group(2).strip());
            }
        }
        return types;
    }
}
