package se.kommun.kvalitet.security;

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
 * and {@link LoginThrottleFilter}, ordered before this filter, refuses an address in back-off.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
            ObjectProvider<OidcConfiguration.OidcSecurity> oidc) {
        OidcConfiguration.OidcSecurity login = oidc.getIfAvailable();
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
                login == null ? new ProcessEngineAuthenticationFilter() : new BearerOrBasicFilter(login.localLogin()));
        registration.setName("camunda-engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    /**
     * With OIDC on: a bearer token Spring Security validated (OidcConfiguration's engine REST chain) runs the call as
     * its user and mapped groups, set on the engine for this request; without one, HTTP Basic as before (refused
     * before it gets here when local login is off).
     */
    static final class BearerOrBasicFilter extends ProcessEngineAuthenticationFilter {

        private final boolean basic;

        BearerOrBasicFilter(boolean basic) {
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
