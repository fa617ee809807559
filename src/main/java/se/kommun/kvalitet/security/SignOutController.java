package se.kommun.kvalitet.security;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the webapps' sign-out script where "Logga ut" should go: {@code /logout}, which also ends the identity
 * provider's session, while staff sign in with OIDC; 204 with local passwords, where Camunda's own logout is the
 * whole story. Public, because it reveals only what the login page already shows.
 */
@RestController
class SignOutController {

    static final String PATH = "/session/sign-out";

    private final ObjectProvider<OidcConfiguration.OidcSecurity> oidc;

    SignOutController(ObjectProvider<OidcConfiguration.OidcSecurity> oidc) {
        this.oidc = oidc;
    }

    @GetMapping(PATH)
    ResponseEntity<Map<String, String>> signOut() {
        return oidc.getIfAvailable() == null ? ResponseEntity.noContent().build()
                : ResponseEntity.ok(Map.of("url", "/logout"));
    }
}
