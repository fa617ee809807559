package se.kommun.kvalitet.modelcheck;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import se.kommun.kvalitet.security.CamundaForm;
import se.kommun.kvalitet.shared.ProcessVariable;
import se.kommun.kvalitet.shared.ProcessVariables;

/**
 * The project's modelling rules over processes/ (BPMN, DMN) and forms/, as a list of violations so that
 * the real models (expect none) and a deliberately broken copy (expect exactly those) share one checker.
 */
final class ModelChecker {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** A top-level identifier: not a property or method after a dot, not a call. */
    private static final Pattern VARIABLE = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)(?!\\s*\\()");
    private static final Set<String> EL_WORDS = Set.of("execution", "task", "true", "false", "null", "empty",
            "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final Pattern ENGLISH_WORD = Pattern.compile(
            "(?iU)\\b(the|send|task|start|end|check|review|update|create|approve|reject)\\b");
    private static final Set<String> QUEUED_DELEGATES = Set.of("sendCaseMail", "escalate", "escalateCase");
    /** Repeats with a wait between them: R3/PT5M, or a list like R5/PT1M,PT10M. */
    private static final String RETRY_CYCLE = "R\\d+/P\\w+(,P\\w+)*";
    /** The form-js bundled with Tasklist 7.24 reads schemas up to this version. */
    private static final int MAX_FORM_SCHEMA_VERSION = 16;

    private final KnownNames names;
    private final Path testSources;
    private final ObjectMapper json = new ObjectMapper();

    ModelChecker(KnownNames names, Path testSources) {
        this.names = names;
        this.testSources = testSources;
    }

    /** A form's field keys, and the variables its selects take their options from (valuesKey). */
    private record Form(String file, String id, Set<String> keys, Set<String> optionsKeys) {
    }

    List<Violation> check(Path processes, Path forms) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Form> formsById = readForms(forms, violations);
        Set<String> readByProcesses = new TreeSet<>();
        files(processes, ".bpmn").forEach(file -> checkBpmn(file, formsById, readByProcesses, violations));
        files(processes, ".dmn").forEach(file -> checkDmn(file, violations));
        for (Form form : formsById.values()) {
            form.keys().stream()
                    .filter(key -> !readByProcesses.contains(key) && !names.declaredVariables().contains(key))
                    .forEach(key -> violations.add(new Violation(form.file(), "form '" + form.id() + "'",
                            "unused-form-key", "field '" + key + "' is read neither by a process nor by Java")));
        }
        return violations;
    }

    private Map<String, Form> readForms(Path forms, List<Violation> violations) {
        Map<String, Form> byId = new LinkedHashMap<>();
        for (Path path : files(forms, ".form")) {
            String file = path.getFileName().toString();
            JsonNode schema = readJson(path);
            String id = schema.path("id").asText();
            BiConsumer<String, String> fail = (rule, message) ->
                    violations.add(new Violation(file, "form '" + id + "'", rule, message));
            if (id.isBlank()) {
                fail.accept("form-id", "has no top-level id");
            }
            if (!"Camunda Platform".equals(schema.path("executionPlatform").asText())) {
                fail.accept("form-platform", "executionPlatform is not \"Camunda Platform\"");
            }
            if (!schema.path("schemaVersion").canConvertToInt()
                    || schema.path("schemaVersion").asInt() > MAX_FORM_SCHEMA_VERSION) {
                fail.accept("form-schema-version",
                        "schemaVersion " + schema.path("schemaVersion") + " is above " + MAX_FORM_SCHEMA_VERSION);
            }
            Set<String> keys = new TreeSet<>();
            collectKeys(schema.path("components"), keys);
            Set<String> optionsKeys = new TreeSet<>();
            // The engine accepts from Tasklist exactly what the client guard can check in a form.
            try {
                optionsKeys.addAll(CamundaForm.parse(readBytes(path)).optionsVariables());
            } catch (IllegalArgumentException e) {
                fail.accept("form-checkable", e.getMessage());
            }
            byId.put(id, new Form(file, id, keys, optionsKeys));
            keys.stream().filter(names.serverVariables()::contains).forEach(key -> fail.accept("server-only-field",
                    "field '" + key + "' is a variable only the server may write (declared server-only)"));
        }
        return byId;
    }

    /** Groups nest their fields in their own components array. */
    private static void collectKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }

    private void checkBpmn(Path path, Map<String, Form> forms, Set<String> readByProcesses,
            List<Violation> violations) {
        String file = path.getFileName().toString();
        BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
        Reporter report = (element, rule, message) ->
                violations.add(new Violation(file, describe(element), rule, message));

        Map<String, ProcessVariable<?>> declared = new HashMap<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                report.add(process, "history-time-to-live", "has no camunda:historyTimeToLive");
            }
            checkSwedish(process, report);
            ProcessVariables declaration = names.declarationOf(process.getId());
            if (declaration == null) {
                report.add(process, "variables-declared", "has no variable declaration (a shared.ProcessVariables "
                        + "bean whose processKey is '" + process.getId() + "')");
            } else {
                declaration.variables().forEach(variable -> declared.put(variable.name(), variable));
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (isBlank(node.getName())) {
                report.add(node, "named", "has no name");
            }
            checkSwedish(node, report);
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (isDecisionBranch(flow) && isBlank(flow.getName())) {
                report.add(flow, "named", "leaves decision '" + flow.getSource().getId() + "' without a name");
            }
            checkSwedish(flow, report);
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            checkServiceTask(task, report);
        }
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            report.add(task, "no-script-task", "is a script task; put the logic in a delegate bean");
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            BaseElement task = (BaseElement) listener.getParentElement().getParentElement();
            checkDelegateExpression(task, listener.getCamundaDelegateExpression(), "task listener", report);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkFormRef(task, forms, declared, report);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getAttributeValueNs(CAMUNDA_NS, "formRef") != null
                    || start.getAttributeValueNs(CAMUNDA_NS, "formKey") != null) {
                checkFormRef(start, forms, declared, report);
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            checkTimer(timer, declared.keySet(), report);
        }
        checkVariables(path, model, declared.keySet(), readByProcesses, report);
        DiagramChecker.check(model, (element, rule, message) ->
                violations.add(new Violation(file, describe(element), rule, message)));
    }

    private static boolean isDecisionBranch(SequenceFlow flow) {
        FlowNode source = flow.getSource();
        return (source instanceof ExclusiveGateway || source instanceof InclusiveGateway)
                && source.getOutgoing().size() > 1;
    }

    private void checkServiceTask(ServiceTask task, Reporter report) {
        if (task.getCamundaClass() != null || task.getCamundaExpression() != null || task.getCamundaType() != null) {
            report.add(task, "delegate-expression-only",
                    "uses camunda:class, camunda:expression or camunda:type; use camunda:delegateExpression=\"${bean}\"");
        }
        String bean = checkDelegateExpression(task, task.getCamundaDelegateExpression(), "delegate", report);
        // A mail step is its own job: a failed send is retried with back-off and never undoes the step before it
        // (the officer's completion, or the timer that fired and already marked its firing).
        if (bean != null && QUEUED_DELEGATES.contains(bean)) {
            if (!task.isCamundaAsyncBefore()) {
                report.add(task, "async-mail", "calls '" + bean + "' without camunda:asyncBefore; a failed send "
                        + "would undo the step before it");
            }
            if (!retryCycle(task).matches(RETRY_CYCLE)) {
                report.add(task, "async-mail", "calls '" + bean + "' without camunda:failedJobRetryTimeCycle "
                        + "(e.g. R3/PT5M); an SMTP blip would be an incident at once");
            }
        }
    }

    private static String retryCycle(ServiceTask task) {
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return "";
        }
        return extensions.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
                .map(cycle -> cycle.getTextContent().strip()).findFirst().orElse("");
    }

    /** Returns the bean name when the expression is a plain, known bean reference. */
    private String checkDelegateExpression(BaseElement element, String expression, String what, Reporter report) {
        if (expression == null) {
            report.add(element, "known-delegate", "has no " + what + " camunda:delegateExpression");
            return null;
        }
        Matcher bean = BEAN_EXPRESSION.matcher(expression);
        if (!bean.matches() || !names.delegateBeans().containsKey(bean.group(1))) {
            report.add(element, "known-delegate", what + " '" + expression + "' is not a known bean");
            return null;
        }
        return bean.group(1);
    }

    private static void checkFormRef(FlowNode node, Map<String, Form> forms, Map<String, ProcessVariable<?>> declared,
            Reporter report) {
        String formRef = node.getAttributeValueNs(CAMUNDA_NS, "formRef");
        String binding = node.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
        if (node.getAttributeValueNs(CAMUNDA_NS, "formKey") != null) {
            report.add(node, "form-ref", "uses camunda:formKey; use camunda:formRef with a Camunda Form");
        }
        if (formRef == null) {
            report.add(node, "form-ref", "has no camunda:formRef");
            return;
        }
        if (!"deployment".equals(binding)) {
            report.add(node, "form-ref", "camunda:formRefBinding is '" + binding + "', not 'deployment'");
        }
        Form form = forms.get(formRef);
        if (form == null) {
            report.add(node, "form-ref", "formRef '" + formRef + "' matches no form id in forms/");
            return;
        }
        if (declared.isEmpty()) {
            return;
        }
        // What a client submits through the form is a declared client variable; where a select's options come
        // from is a declared server-only one (the guard accepts exactly what that variable holds).
        form.keys().stream().filter(key -> !declared.containsKey(key)).forEach(key -> report.add(node,
                "form-field-declared", "form '" + formRef + "' has field '" + key + "', which the process does not declare"));
        form.optionsKeys().stream().filter(key -> declared.get(key) == null || !declared.get(key).serverOnly())
                .forEach(key -> report.add(node, "form-options-declared", "form '" + formRef + "' takes options from '"
                        + key + "', which the process does not declare as server-only"));
    }

    private void checkTimer(TimerEventDefinition timer, Set<String> declared, Reporter report) {
        BaseElement event = (BaseElement) timer.getParentElement();
        Map<String, BaseElement> values = new LinkedHashMap<>();
        values.put("timeDate", timer.getTimeDate());
        values.put("timeDuration", timer.getTimeDuration());
        values.put("timeCycle", timer.getTimeCycle());
        values.values().removeIf(Objects::isNull);
        if (values.size() != 1) {
            report.add(event, "timer", "needs exactly one of timeDate, timeDuration, timeCycle");
            return;
        }
        Map.Entry<String, BaseElement> entry = values.entrySet().iterator().next();
        String text = entry.getValue().getTextContent().strip();
        Matcher variable = BEAN_EXPRESSION.matcher(text);
        if (variable.matches()) {
            if (!declared.contains(variable.group(1))) {
                report.add(event, "timer", entry.getKey() + " '" + text + "' reads a variable the process does not declare");
            }
        } else if (!isIso8601(entry.getKey(), text)) {
            report.add(event, "timer", entry.getKey() + " '" + text + "' is neither ${variable} nor valid ISO-8601");
        }
    }

    private static boolean isIso8601(String kind, String text) {
        try {
            if (kind.equals("timeDate")) {
                return parsesAsDate(text);
            }
            new DurationHelper(text);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean parsesAsDate(String text) {
        for (Function<String, ?> parser : List.<Function<String, ?>>of(
                OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
            try {
                parser.apply(text);
                return true;
            } catch (DateTimeParseException e) {
                // try the next ISO form
            }
        }
        return false;
    }

    /**
     * Every variable an expression reads, and every result variable or initiator the model writes, is one the
     * process declares; an input or output parameter is the model's own (local to its element).
     */
    private void checkVariables(Path path, BpmnModelInstance model, Set<String> declared,
            Set<String> readByProcesses, Reporter report) {
        Element root = parseDom(path).getDocumentElement();
        Set<String> known = new HashSet<>(declared);
        known.addAll(names.delegateBeans().keySet());
        known.addAll(EL_WORDS);
        walk(root, element -> {
            Stream.of("resultVariable", "initiator").map(name -> element.getAttributeNS(CAMUNDA_NS, name))
                    .filter(value -> !value.isEmpty()).filter(value -> !declared.contains(value))
                    .forEach(value -> report.add(owner(model, element), "variable-declared", "writes '" + value
                            + "', which the process does not declare"));
            if (CAMUNDA_NS.equals(element.getNamespaceURI()) && element.getLocalName().endsWith("putParameter")) {
                known.add(element.getAttribute("name"));
            }
        });
        walk(root, element -> {
            for (String text : expressionTexts(element)) {
                for (String name : identifiersIn(text)) {
                    readByProcesses.add(name);
                    if (!known.contains(name)) {
                        report.add(owner(model, element), "variable-declared", "reads '" + name
                                + "', which the process does not declare");
                    }
                }
            }
        });
    }

    /** The top-level names the ${...} expressions in a text read, without EL's own words. */
    static Set<String> identifiersIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher variable = VARIABLE.matcher(STRING_LITERAL.matcher(expression.group(1)).replaceAll(""));
            while (variable.find()) {
                if (!EL_WORDS.contains(variable.group(1))) {
                    names.add(variable.group(1));
                }
            }
        }
        return names;
    }

    /** Attribute values and own text; delegate expressions name beans and are checked as such. */
    private static List<String> expressionTexts(Element element) {
        List<String> texts = new ArrayList<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!"delegateExpression".equals(attribute.getLocalName())) {
                texts.add(attribute.getValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                texts.add(child.getNodeValue());
            }
        }
        return texts;
    }

    /** The flow element or process an XML element belongs to, for the message. */
    private static BaseElement owner(BpmnModelInstance model, Element element) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            ModelElementInstance instance = model.getModelElementById(current.getAttribute("id"));
            if (instance instanceof FlowElement || instance instanceof Process) {
                return (BaseElement) instance;
            }
        }
        throw new IllegalStateException("No flow element around <" + element.getLocalName() + ">");
    }

    private static void walk(Element element, Consumer<Element> visitor) {
        visitor.accept(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement && !"BPMNDiagram".equals(childElement.getLocalName())) {
                walk(childElement, visitor);
            }
        }
    }

    private void checkDmn(Path path, List<Violation> violations) {
        String file = path.getFileName().toString();
        String testCode = testSourcesText();
        for (Decision decision : Dmn.readModelFromFile(path.toFile()).getModelElementsByType(Decision.class)) {
            String element = "decision '" + decision.getId() + "'"
                    + (isBlank(decision.getName()) ? "" : " (" + decision.getName() + ")");
            if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                violations.add(new Violation(file, element, "history-time-to-live", "has no camunda:historyTimeToLive"));
            }
            if (isBlank(decision.getName())) {
                violations.add(new Violation(file, element, "named", "has no name"));
            } else if (ENGLISH_WORD.matcher(decision.getName()).find()) {
                violations.add(new Violation(file, element, "swedish-names", "name looks English"));
            }
            if (!testCode.contains("\"" + decision.getId() + "\"")) {
                violations.add(new Violation(file, element, "dmn-tested",
                        "no test under src/test/java evaluates decision key \"" + decision.getId() + "\""));
            }
        }
    }

    /** The checker's own package is left out, so it cannot satisfy the rule by naming a key itself. */
    private String testSourcesText() {
        Path ownPackage = testSources.resolve(getClass().getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.walk(testSources)) {
            return files.filter(file -> file.toString().endsWith(".java") && !file.startsWith(ownPackage))
                    .map(KnownNames::read).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkSwedish(BaseElement element, Reporter report) {
        String name = element.getAttributeValue("name");
        if (name != null && ENGLISH_WORD.matcher(EXPRESSION.matcher(name).replaceAll("")).find()) {
            report.add(element, "swedish-names", "name looks English; name elements in Swedish");
        }
    }

    static String describe(ModelElementInstance element) {
        String name = element.getAttributeValue("name");
        return element.getElementType().getTypeName() + " '" + element.getAttributeValue("id") + "'"
                + (isBlank(name) ? "" : " (" + name + ")");
    }

    @FunctionalInterface
    private interface Reporter {
        void add(ModelElementInstance element, String rule, String message);
    }

    private static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readJson(Path path) {
        try {
            return json.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.w3c.dom.Document parseDom(Path path) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(path.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot parse " + path, e);
        }
    }

    static List<Path> files(Path directory, String extension) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
