package se.kommun.kvalitet.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * Checks .camunda/element-templates: each file validates against the schema it declares, each template's
 * delegate bean exists, and each input parameter it offers is read by that bean's source.
 */
final class ElementTemplateChecker {

    /** The schema version model-lint validates with; vendored in src/test/resources (MIT, Camunda). */
    static final String SCHEMA_URL =
            "https://unpkg.com/@camunda/element-templates-json-schema@0.22.1/resources/schema.json";
    private static final String SCHEMA_RESOURCE = "/element-templates-schema.json";
    private static final String DELEGATE_PREFIX = "${";

    private final KnownNames names;
    private final Path mainSources;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchema schema;

    ElementTemplateChecker(KnownNames names, Path mainSources) {
        this.names = names;
        this.mainSources = mainSources;
        try (InputStream vendored = getClass().getResourceAsStream(SCHEMA_RESOURCE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(vendored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Violation> check(Path templates) {
        List<Violation> violations = new ArrayList<>();
        for (Path path : ModelChecker.files(templates, ".json")) {
            String file = path.getFileName().toString();
            JsonNode document = read(path);
            // A file holds one template or an array of them, like model-lint accepts.
            List<JsonNode> entries = new ArrayList<>();
            (document.isArray() ? document : json.createArrayNode().add(document)).forEach(entries::add);
            for (JsonNode template : entries) {
                checkTemplate(file, template, violations);
            }
        }
        return violations;
    }

    private void checkTemplate(String file, JsonNode template, List<Violation> violations) {
        String element = "template '" + template.path("id").asText() + "'";
        String declared = template.path("$schema").asText();
        if (!SCHEMA_URL.equals(declared)) {
            violations.add(new Violation(file, element, "template-schema",
                    "declares $schema '" + declared + "'; only " + SCHEMA_URL + " is vendored"));
        } else {
            schema.validate(template).forEach(message -> violations.add(
                    new Violation(file, element, "template-schema", message.getMessage())));
        }
        String bean = delegateBean(template);
        String beanClass = bean == null ? null : names.delegateBeans().get(bean);
        if (beanClass == null) {
            violations.add(new Violation(file, element, "template-bean",
                    "delegate '" + bean + "' is not a known bean"));
            return;
        }
        Path source = mainSources.resolve(beanClass.replace('.', '/') + ".java");
        String code = KnownNames.read(source);
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            String parameter = binding.path("name").asText();
            if ("camunda:inputParameter".equals(binding.path("type").asText())
                    && !code.contains("\"" + parameter + "\"")) {
                violations.add(new Violation(file, element, "template-input-read", "input parameter '"
                        + parameter + "' is not read by " + mainSources.relativize(source)));
            }
            if (!"camunda:delegateExpression".equals(parameter)) {
                // A default a process owner applies must read what the processes declare, not a name from memory.
                ModelChecker.identifiersIn(property.path("value").asText()).stream()
                        .filter(name -> !names.declaredVariables().contains(name))
                        .forEach(name -> violations.add(new Violation(file, element, "template-variable-declared",
                                "property '" + parameter + "' reads '" + name + "', which no process declares")));
            }
        }
    }

    /** The bean named by the hidden camunda:delegateExpression property, e.g. ${sendCaseMail}. */
    private static String delegateBean(JsonNode template) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            String value = property.path("value").asText();
            if ("camunda:delegateExpression".equals(binding.path("name").asText())
                    && value.startsWith(DELEGATE_PREFIX) && value.endsWith("}")) {
                return value.substring(DELEGATE_PREFIX.length(), value.length() - 1);
            }
        }
        return null;
    }

    private JsonNode read(Path path) {
        try {
            return json.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
