package se.kommun.kvalitet.security;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The input fields of a Camunda Form (form-js schema) and what Tasklist may submit for them: exactly these keys,
 * required ones present, values of the field's kind (text within its length, one of a select's or radio's options,
 * a boolean, a number, an ISO date/time). Conditionally shown fields are not required here (Tasklist leaves hidden
 * fields out); the step that uses such a value checks it. A checklist submits a list of its options (Tasklist sends
 * it as a Json variable), each checked like a select's value. A form that uses anything this class cannot check
 * (nested keys, dynamic option lists, other lists, files, expressions) is refused at {@link #parse}, so no such
 * field is ever accepted unchecked.
 */
public final class CamundaForm {

    /** Components that show something and submit nothing. */
    private static final Set<String> DISPLAY_ONLY = Set.of("default", "text", "html", "image", "spacer",
            "separator", "button", "iframe", "table");
    private static final Set<String> TEXT = Set.of("textfield", "textarea");
    private static final Set<String> CHOICE = Set.of("select", "radio", "checklist");
    private static final Set<String> INPUT = Set.of("textfield", "textarea", "select", "radio", "checklist",
            "checkbox", "number", "datetime");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A submitted value this class refuses to look into (Json, Object, File variables). */
    private static final Object COMPLEX = new Object();

    /**
     * @param options         a select's or radio's listed options, or null
     * @param optionsVariable the process variable a select's or radio's options come from ({@code valuesKey}),
     *                        or null; only trusted when the server alone writes that variable
     */
    record Field(String key, String type, boolean required, Set<String> options, String optionsVariable,
            Integer minLength, Integer maxLength, Pattern pattern, String subtype) {
    }

    /** One refused part of a submission, in Swedish and English. */
    public record Problem(String field, String swedish, String english) {
    }

    private final String id;
    private final Map<String, Field> fields;

    private CamundaForm(String id, Map<String, Field> fields) {
        this.id = id;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** @throws IllegalArgumentException when the schema is not JSON or uses what this class cannot check */
    public static CamundaForm parse(byte[] schema) {
        JsonNode root;
        try {
            root = JSON.readTree(schema);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON form schema: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON form schema");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(root.path("components"), fields);
        return new CamundaForm(root.path("id").asText(), fields);
    }

    public String id() {
        return id;
    }

    /** The variable names a submission of this form may carry. */
    public Set<String> keys() {
        return fields.keySet();
    }

    Map<String, Field> fields() {
        return fields;
    }

    /** The process variables whose values are the options of a select or radio of this form. */
    public Set<String> optionsVariables() {
        Set<String> names = new LinkedHashSet<>();
        fields.values().stream().map(Field::optionsVariable).filter(java.util.Objects::nonNull).forEach(names::add);
        return names;
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (type.equals("group")) {
                if (component.hasNonNull("path") && !component.path("path").asText().isEmpty()) {
                    throw unsupported(component, "a group with a data path (nested variables)");
                }
                collect(component.path("components"), fields);
                continue;
            }
            if (DISPLAY_ONLY.contains(type) && !component.hasNonNull("key")) {
                continue;
            }
            if (!INPUT.contains(type)) {
                throw unsupported(component, "component type '" + type + "'");
            }
            if (component.path("disabled").asBoolean(false)) {
                // form-js submits nothing for a disabled field.
                continue;
            }
            String key = component.path("key").asText();
            if (!KEY.matcher(key).matches()) {
                throw unsupported(component, "key '" + key + "' (only plain names, no nested paths)");
            }
            if (fields.containsKey(key)) {
                throw unsupported(component, "key '" + key + "' twice");
            }
            fields.put(key, field(component, type, key));
        }
    }

    private static Field field(JsonNode component, String type, String key) {
        JsonNode validate = component.path("validate");
        boolean conditional = component.hasNonNull("conditional") && !component.path("conditional").isEmpty();
        Set<String> options = null;
        String optionsVariable = null;
        if (CHOICE.contains(type) && component.hasNonNull("valuesKey")) {
            optionsVariable = component.get("valuesKey").asText();
            if (!KEY.matcher(optionsVariable).matches()) {
                throw unsupported(component, "options from '" + optionsVariable + "' (only a plain variable name)");
            }
        } else if (CHOICE.contains(type)) {
            if (component.has("valuesExpression") || !component.has("values")) {
                throw unsupported(component, "options that are neither listed in the form nor in a variable");
            }
            options = new LinkedHashSet<>();
            for (JsonNode option : component.path("values")) {
                options.add(option.path("value").asText());
            }
        }
        Pattern pattern = null;
        if (validate.hasNonNull("pattern")) {
            pattern = Pattern.compile(validate.get("pattern").asText());
        }
        return new Field(key, type, validate.path("required").asBoolean(false) && !conditional, options,
                optionsVariable, validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
                validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null, pattern,
                component.path("subtype").asText("datetime"));
    }

    private static IllegalArgumentException unsupported(JsonNode component, String what) {
        return new IllegalArgumentException("component '" + component.path("id").asText() + "' uses " + what
                + ", which the server cannot check");
    }

    /**
     * Everything wrong with a submission of this form; empty when it may pass.
     *
     * @param variables the variables of the task's scope, for options that come from a variable (at a start
     *                  there are none, so such a choice takes no value)
     */
    List<Problem> check(Map<String, ?> submitted, Function<String, Object> variables) {
        List<Problem> problems = new ArrayList<>();
        for (String name : submitted.keySet()) {
            if (!fields.containsKey(name)) {
                problems.add(new Problem(name, "inget fält i formuläret", "not a field of the form"));
            }
        }
        for (Field field : fields.values()) {
            if (field.type().equals("checklist")) {
                Problem invalid = invalidChecklist(field, submitted, variables);
                if (invalid != null) {
                    problems.add(invalid);
                }
                continue;
            }
            Object value = submitted.containsKey(field.key()) ? plain(submitted, field.key()) : null;
            if (isEmpty(value)) {
                if (field.required()) {
                    problems.add(new Problem(field.key(), "obligatoriskt fält saknas", "required field missing"));
                }
                continue;
            }
            Problem invalid = invalid(field, value, variables);
            if (invalid != null) {
                problems.add(invalid);
            }
        }
        return problems;
    }

    /** A checklist's value: a list (Json, JSON text or a Java list) of the field's options; empty when none ticked. */
    private static Problem invalidChecklist(Field field, Map<String, ?> submitted, Function<String, Object> variables) {
        String key = field.key();
        Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(key) : submitted.get(key);
        if (value instanceof TypedValue typed) {
            boolean json = typed.getType() != null && "json".equals(typed.getType().getName());
            if (typed.getType() != null && !typed.getType().isPrimitiveValueType() && !json) {
                return new Problem(key, "värdet har fel typ", "the value has the wrong type");
            }
            value = typed.getValue();
        }
        if (value == null) {
            return field.required() ? new Problem(key, "obligatoriskt fält saknas", "required field missing") : null;
        }
        JsonNode ticked;
        try {
            ticked = value instanceof java.util.Collection<?> ? JSON.valueToTree(value) : JSON.readTree(value.toString());
        } catch (IOException | IllegalArgumentException e) {
            ticked = null;
        }
        if (ticked == null || !ticked.isArray()) {
            return new Problem(key, "ska vara en lista av formulärets val", "must be a list of the form's options");
        }
        Set<String> options = field.optionsVariable() == null ? field.options()
                : optionsIn(variables.apply(field.optionsVariable()));
        for (JsonNode option : ticked) {
            if (!option.isTextual() || !options.contains(option.asText())) {
                return new Problem(key, "värdet finns inte bland formulärets val",
                        "the value is not one of the form's options");
            }
        }
        return ticked.isEmpty() && field.required()
                ? new Problem(key, "obligatoriskt fält saknas", "required field missing") : null;
    }

    private static Problem invalid(Field field, Object value, Function<String, Object> variables) {
        String key = field.key();
        if (value == COMPLEX) {
            return new Problem(key, "värdet har fel typ", "the value has the wrong type");
        }
        switch (field.type()) {
            case "checkbox" -> {
                if (!(value instanceof Boolean checked)) {
                    return new Problem(key, "ska vara sant eller falskt", "must be true or false");
                }
                return field.required() && !checked ? new Problem(key, "måste kryssas i", "must be checked") : null;
            }
            case "number" -> {
                boolean number = value instanceof Number || value instanceof String text && isNumber(text);
                return number ? null : new Problem(key, "ska vara ett tal", "must be a number");
            }
            case "datetime" -> {
                return value instanceof Date || value instanceof String text && isDateTime(field.subtype(), text)
                        ? null : new Problem(key, "ska vara ett datum eller en tid (ISO 8601)",
                                "must be a date or time (ISO 8601)");
            }
            default -> {
                if (!(value instanceof String text)) {
                    return new Problem(key, "ska vara text", "must be text");
                }
                if (CHOICE.contains(field.type())) {
                    Set<String> options = field.optionsVariable() == null ? field.options()
                            : optionsIn(variables.apply(field.optionsVariable()));
                    return options.contains(text) ? null
                            : new Problem(key, "värdet finns inte bland formulärets val",
                                    "the value is not one of the form's options");
                }
                if (field.maxLength() != null && text.length() > field.maxLength()) {
                    return new Problem(key, "högst " + field.maxLength() + " tecken",
                            "at most " + field.maxLength() + " characters");
                }
                if (field.minLength() != null && text.length() < field.minLength()) {
                    return new Problem(key, "minst " + field.minLength() + " tecken",
                            "at least " + field.minLength() + " characters");
                }
                if (field.pattern() != null && !field.pattern().matcher(text).find()) {
                    return new Problem(key, "har fel format", "has the wrong format");
                }
                return null;
            }
        }
    }

    /** The values of options held in a variable: form-js's [{"label":…,"value":…}], as JSON or as a list. */
    private static Set<String> optionsIn(Object variable) {
        Set<String> values = new LinkedHashSet<>();
        if (variable == null) {
            return values;
        }
        JsonNode options;
        try {
            options = variable instanceof java.util.Collection<?> || variable instanceof Map<?, ?>
                    ? JSON.valueToTree(variable) : JSON.readTree(variable.toString());
        } catch (IOException e) {
            return values;
        }
        for (JsonNode option : options) {
            if (option.hasNonNull("value")) {
                values.add(option.get("value").asText());
            }
        }
        return values;
    }

    /** The submitted value without Camunda's typing; Json, Object and File variables are never a form field's. */
    private static Object plain(Map<String, ?> submitted, String name) {
        Object value = submitted instanceof VariableMap variables ? variables.getValueTyped(name) : submitted.get(name);
        if (value instanceof TypedValue typed) {
            if (typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
                return COMPLEX;
            }
            value = typed.getValue();
        }
        boolean simple = value == null || value instanceof String || value instanceof Boolean
                || value instanceof Number || value instanceof Date;
        return simple ? value : COMPLEX;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    private static boolean isNumber(String text) {
        try {
            new java.math.BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDateTime(String subtype, String text) {
        List<Function<String, ?>> parsers = switch (subtype) {
            case "date" -> List.of(LocalDate::parse);
            case "time" -> List.of(LocalTime::parse, OffsetTime::parse);
            default -> List.of(OffsetDateTime::parse, LocalDateTime::parse);
        };
        for (Function<String, ?> parser : parsers) {
            try {
                parser.apply(text.strip());
                return true;
            } catch (DateTimeParseException e) {
                // try the next ISO form
            }
        }
        return false;
    }
}
