package se.kommun.kvalitet.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A refusal in GeoReport v2's terms: an HTTP status and one or more {code, description} errors. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final transient List<String> descriptions;

    Open311Exception(HttpStatus status, List<String> descriptions) {
        super(status + ": " + String.join("; ", descriptions));
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    Open311Exception(HttpStatus status, String description) {
        this(status, List.of(description));
    }

    HttpStatus status() {
        return status;
    }

    List<String> descriptions() {
        return descriptions;
    }
}
