package se.kommun.kvalitet.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One user store for everything: our pages and API authenticate against Camunda's identity service, so a
 * user created in Camunda Admin logs in everywhere, and a wrong password here counts towards the same login
 * throttle per client address as on engine REST and in the webapps ({@link LoginThrottle}).
 * Each Camunda group becomes the authority {@code GROUP_<id>}; the groups come from the {@link CredentialCache}, as on
 * engine REST.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final CredentialCache cache;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, CredentialCache cache) {
        this.identityService = identityService;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Fel användarnamn eller lösenord / bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = cache.groupsOf(userId,
                        () -> identityService.createGroupQuery().groupMember(userId).list().stream()
                                .map(Group::getId).toList())
                .stream()
                .map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
