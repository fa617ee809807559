package se.kommun.kvalitet.security;

import java.util.List;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The engine REST API is open by default; Camunda's own filter makes it answer 401 without HTTP Basic
 * credentials of a Camunda user, and runs every call as that user so authorizations apply. Its password check
 * goes through the engine's identity service, so failures count towards the login throttle ({@link LoginThrottle}),
 * and {@link LoginThrottleFilter}, ordered before this filter, refuses an address in back-off. The user's groups and
 * tenants, which the filter reads for every request, come from the {@link CredentialCache}.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
            ObjectProvider<OidcConfiguration.OidcSecurity> oidc, CredentialCache cache) {
        OidcConfiguration.OidcSecurity login = oidc.getIfAvailable();
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
                login == null ? new CachedMembershipsFilter(cache)
                        : new BearerOrBasicFilter(cache, login.localLogin()));
        registration.setName("camunda-engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    /** Camunda's filter with the groups and tenants of a user from the cache. */
    static class CachedMembershipsFilter extends ProcessEngineAuthenticationFilter {

        private final CredentialCache cache;

        CachedMembershipsFilter(CredentialCache cache) {
            this.cache = cache;
        }

        @Override
        protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
            return cache.groupsOf(userId, () -> super.getGroupsOfUser(engine, userId));
        }

        @Override
        protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
            return cache.tenantsOf(userId, () -> super.getTenantsOfUser(engine, userId));
        }
    }

    /**
     * With OIDC on: a bearer token Spring Security validated (OidcConfiguration's engine REST chain) runs the call as
     * its user and mapped groups, set on the engine for this request; without one, HTTP Basic as before (refused
     * before it gets here when local login is off).
     */
    static final class BearerOrBasicFilter extends CachedMembershipsFilter {

        private final boolean basic;

        BearerOrBasicFilter(CredentialCache cache, boolean basic) {
            super(cache);
            this.basic = basic;
        }

        @Override
        public void init(FilterConfig config) throws ServletException {
            super.init(config);
            AuthenticationProvider httpBasic = authenticationProvider;
            AuthenticationProvider bearer = new OidcAuthorities.SpringSecurityUser(true);
            authenticationProvider = new AuthenticationProvider() {
                @Override
                public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
                    AuthenticationResult result = bearer.extractAuthenticatedUser(request, engine);
                    return result.isAuthenticated() || !basic ? result
                            : httpBasic.extractAuthenticatedUser(request, engine);
                }

                @Override
                public void augmentResponseByAuthenticationChallenge(HttpServletResponse response,
                        ProcessEngine engine) {
                    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    if (basic) {
                        httpBasic.augmentResponseByAuthenticationChallenge(response, engine);
                    }
                }
            };
        }
    }
}
