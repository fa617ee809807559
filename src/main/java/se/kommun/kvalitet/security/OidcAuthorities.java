package se.kommun.kvalitet.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The one translation of a provider's claims into our authorities {@code GROUP_<id>}, for logins (ID token and
 * user info) and bearer tokens alike, and from there into Camunda's authenticated user and groups. A login or token
 * that maps to none of our groups is refused outright: the provider knows every employee, kvalitet only those
 * whose groups it is told about.
 */
final class OidcAuthorities {

    static final String NO_GROUP_ERROR = "kvalitet_no_group";
    private static final List<String> CLIENT_ID_CLAIMS = List.of("azp", "client_id", "appid");

    private final OidcGroupMapping mapping;
    private final String groupsClaim;

    OidcAuthorities(OidcGroupMapping mapping, OidcProperties properties) {
        this.mapping = mapping;
        this.groupsClaim = properties.groupsClaim();
    }

    /** A login: the OIDC user with our groups as its only authorities, or a refusal. */
    OAuth2UserService<OidcUserRequest, OidcUser> loginUserService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            List<String> groups = mapping.groups(claimValues(user.getClaims().get(groupsClaim)));
            if (groups.isEmpty()) {
                throw refusal(user.getName());
            }
            String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                    .getUserNameAttributeName();
            return nameAttribute == null || nameAttribute.isBlank()
                    ? new DefaultOidcUser(authorities(groups), user.getIdToken(), user.getUserInfo())
                    : new DefaultOidcUser(authorities(groups), user.getIdToken(), user.getUserInfo(), nameAttribute);
        };
    }

    /** A bearer token: its groups, or for a listed client's token without any groups the service group. */
    Converter<Jwt, AbstractAuthenticationToken> tokenConverter() {
        return jwt -> {
            Object claim = jwt.getClaims().get(groupsClaim);
            List<String> groups = claim == null ? mapping.serviceGroups(clientId(jwt.getClaims()))
                    : mapping.groups(claimValues(claim));
            if (groups.isEmpty()) {
                throw refusal(jwt.getSubject());
            }
            return new JwtAuthenticationToken(jwt, authorities(groups), jwt.getSubject());
        };
    }

    private static OAuth2AuthenticationException refusal(String user) {
        return new OAuth2AuthenticationException(new OAuth2Error(NO_GROUP_ERROR,
                "Ingen av dina grupper ger behörighet i kvalitet / none of your groups gives access to kvalitet ("
                        + user + ")", null));
    }

    private static String clientId(Map<String, Object> claims) {
        return CLIENT_ID_CLAIMS.stream().map(claims::get).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(null);
    }

    /** Providers send a list, some a single string (Keycloak with one group, a space-separated scope-like value). */
    private static Collection<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            List<String> strings = new ArrayList<>();
            values.forEach(value -> strings.add(String.valueOf(value)));
            return strings;
        }
        return claim instanceof String value ? List.of(value.split("\\s+")) : List.of();
    }

    private static List<GrantedAuthority> authorities(List<String> groups) {
        return groups.stream().<GrantedAuthority>map(group -> new SimpleGrantedAuthority(
                CamundaIdentityAuthenticationProvider.GROUP_PREFIX + group)).toList();
    }

    /** Our groups of a Spring Security authentication, as Camunda names them. */
    static List<String> groupsOf(Authentication authentication) {
        Set<String> groups = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX)) {
                groups.add(name.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()));
            }
        }
        return List.copyOf(groups);
    }

    /**
     * Camunda's side of the container-based authentication: the user and groups Spring Security established for
     * this request (a login's session, or a bearer token), so the engine authorizes by exactly those groups. No
     * user is stored in Camunda's identity tables.
     */
    static final class SpringSecurityUser implements AuthenticationProvider {

        private final boolean bearerOnly;

        /** @param bearerOnly only bearer tokens count (engine REST, where a login session must not) */
        SpringSecurityUser(boolean bearerOnly) {
            this.bearerOnly = bearerOnly;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken
                    || (bearerOnly && !(authentication instanceof JwtAuthenticationToken))) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
            result.setGroups(groupsOf(authentication));
            result.setTenants(List.of());
            return result;
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // Spring Security's entry points answer unauthenticated requests before they get here.
        }
    }
}
