package se.kommun.kvalitet.cases.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/** One line of a form's error summary: what is wrong, linking to the input to fix. */
public record ErrorLink(String anchor, String message) {

    /**
     * @param anchors field path to input id, in the order the inputs appear on the page, so the summary reads
     *     in the same order as the form
     */
    public static List<ErrorLink> of(Errors errors, LinkedHashMap<String, String> anchors, MessageSource messages,
            Locale locale) {
        List<String> order = new ArrayList<>(anchors.keySet());
        return errors.getFieldErrors().stream()
                .sorted(Comparator.comparingInt((FieldError error) -> {
                    int position = order.indexOf(error.getField());
                    return position < 0 ? order.size() : position;
                }))
                .map(error -> new ErrorLink(anchors.getOrDefault(error.getField(), error.getField().replace('.', '-')),
                        messages.getMessage(error, locale)))
                .toList();
    }
}
