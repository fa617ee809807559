package se.kommun.kvalitet.open311;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.shared.PlainText;
import se.kommun.kvalitet.web.ProblemApi;
import se.kommun.kvalitet.web.Problems;

/** Administrators create a key per client application (answered once) and revoke it. */
@RestController
@ProblemApi
@RequestMapping(path = "/api/admin/open311-keys",
        produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class ApiKeyAdminController {

    private final ApiKeys keys;

    ApiKeyAdminController(ApiKeys keys) {
        this.keys = keys;
    }

    record NewKey(String name) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestBody NewKey request, Authentication authentication) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100 || !PlainText.Validator.isPlainText(name)) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Ogiltigt namn / invalid name",
                    "Ange appens namn, 1–100 tecken. / Name the app, 1–100 characters.");
            return ResponseEntity.badRequest().body(problem);
        }
        ApiKeys.CreatedKey created = keys.create(name, authentication.getName());
        return ResponseEntity.created(URI.create("/api/admin/open311-keys/" + created.id())).body(created);
    }

    @GetMapping
    List<ApiKeys.KeyInfo> list() {
        return keys.all();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> revoke(@PathVariable long id, Authentication authentication) {
        if (keys.revoke(id, authentication.getName())) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Nyckeln finns inte / no such key", "Ingen aktiv nyckel har det id:t. / No active key has that id."));
    }
}
