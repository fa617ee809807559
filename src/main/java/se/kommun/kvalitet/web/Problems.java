package se.kommun.kvalitet.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import se.kommun.kvalitet.shared.FieldError;

/** Builds RFC 7807 problem details with this system's type URIs. */
public final class Problems {

    private static final String TYPE_BASE = "https://kvalitet.kommun.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 naming every refused field with its rule and message, so a client can show them all at once. */
    public static ProblemDetail invalidFields(String title, List<FieldError> fieldErrors) {
        List<Map<String, String>> errors = fieldErrors.stream()
                .map(error -> Map.of("field", error.field(), "rule", error.rule(), "message", error.message()))
                .toList();
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", title, errors.size() == 1
                ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : errors.size() + " fält behöver rättas / fields to correct.");
        problem.setProperty("errors", errors);
        return problem;
    }

    static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
