package se.kommun.kvalitet.open311;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.shared.PlainText;

/**
 * The answers to a service's extra questions ({@code attribute[code]}, for a multivaluelist also
 * {@code attribute[code][]}), checked against their definition and written as lines the officer reads under
 * the description. Attributes the service does not define are ignored, as apps send their own.
 */
final class AttributeAnswers {

    static final int MAX_STRING = 200;
    static final int MAX_TEXT = 1000;

    /** The lines are for the officer, who reads Swedish, whatever language the reporter wrote in. */
    private static final Locale OFFICER = Locale.forLanguageTag("sv");

    private AttributeAnswers() {
    }

    /** @return the lines to add to the description, or empty if no question was answered */
    static Optional<String> read(List<Open311Properties.Attribute> attributes, MultiValueMap<String, String> form,
            MessageSource messages, Locale locale) {
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Open311Properties.Attribute attribute : attributes) {
            List<String> answers = new ArrayList<>();
            for (String name : List.of("attribute[" + attribute.code() + "]", "attribute[" + attribute.code() + "][]")) {
                form.getOrDefault(name, List.of()).stream().map(String::strip).filter(answer -> !answer.isEmpty())
                        .forEach(answers::add);
            }
            String code = attribute.code();
            if (answers.isEmpty()) {
                if (attribute.required()) {
                    problems.add(message(messages, "open311.error.attributeRequired", locale, code));
                }
                continue;
            }
            Optional<String> problem = check(attribute, answers, messages, locale);
            if (problem.isPresent()) {
                problems.add(problem.get());
                continue;
            }
            lines.add(attribute.description(OFFICER) + ": " + answers.stream().map(answer -> shown(attribute, answer, OFFICER))
                    .collect(Collectors.joining(", ")));
        }
        if (!problems.isEmpty()) {
            throw new Open311Exception(org.springframework.http.HttpStatus.BAD_REQUEST, problems);
        }
        return lines.isEmpty() ? Optional.empty()
                : Optional.of(messages.getMessage("open311.answers", null, OFFICER) + ":\n" + String.join("\n", lines));
    }

    private static Optional<String> check(Open311Properties.Attribute attribute, List<String> answers,
            MessageSource messages, Locale locale) {
        String code = attribute.code();
        if (attribute.datatype() != Open311Properties.Datatype.MULTIVALUELIST && answers.size() > 1) {
            return Optional.of(message(messages, "open311.error.attributeSingle", locale, code));
        }
        for (String answer : answers) {
            switch (attribute.datatype()) {
                case NUMBER -> {
                    try {
                        Double.parseDouble(answer);
                    } catch (NumberFormatException e) {
                        return Optional.of(message(messages, "open311.error.attributeNumber", locale, code));
                    }
                }
                case DATETIME -> {
                    try {
                        OffsetDateTime.parse(answer);
                    } catch (DateTimeParseException e) {
                        return Optional.of(message(messages, "open311.error.attributeDatetime", locale, code));
                    }
                }
                case SINGLEVALUELIST, MULTIVALUELIST -> {
                    if (attribute.values().stream().noneMatch(value -> value.key().equals(answer))) {
                        return Optional.of(message(messages, "open311.error.attributeValue", locale, code));
                    }
                }
                case STRING, TEXT -> {
                    int max = attribute.datatype() == Open311Properties.Datatype.STRING ? MAX_STRING : MAX_TEXT;
                    if (answer.length() > max || !PlainText.Validator.isPlainText(answer)) {
                        return Optional.of(message(messages, "open311.error.attributeTooLong", locale, code,
                                String.valueOf(max)));
                    }
                }
                default -> throw new IllegalStateException(attribute.datatype().name());
            }
        }
        return Optional.empty();
    }

    private static String shown(Open311Properties.Attribute attribute, String answer, Locale locale) {
        return attribute.values().stream().filter(value -> value.key().equals(answer)).findFirst()
                .map(value -> value.name(locale)).orElse(answer);
    }

    private static String message(MessageSource messages, String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
