package se.kommun.kvalitet.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

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

    static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
