package se.kommun.kvalitet.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Staff sign in with the municipality's OpenID Connect provider (registration {@value #REGISTRATION_ID}, Spring
 * Boot's own {@code spring.security.oauth2.client.*} properties) and integrations send its bearer tokens. Active only
 * when that registration's client id is set; without it nothing here exists and the local passwords work as before.
 * <p>
 * The Camunda webapps and the engine take the user and groups from Spring Security (container-based
 * authentication, docs/adr/0012): no user is copied into Camunda's identity tables.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${" + OidcConfiguration.CLIENT_ID_PROPERTY + ":}' != ''")
@EnableConfigurationProperties(OidcProperties.class)
class OidcConfiguration {

    static final String REGISTRATION_ID = "kommun";
    static final String CLIENT_ID_PROPERTY = "spring.security.oauth2.client.registration.kommun.client-id";
    static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    @Bean
    OidcGroupMapping oidcGroupMapping(OidcProperties properties, Organisation organisation) {
        Set<String> ours = new LinkedHashSet<>(organisation.groups());
        ours.add(WebSecurityConfiguration.ADMIN_GROUP);
        return new OidcGroupMapping(properties, ours);
    }

    @Bean
    OidcAuthorities oidcAuthorities(OidcGroupMapping mapping, OidcProperties properties) {
        return new OidcAuthorities(mapping, properties);
    }

    /**
     * Bearer tokens: signed by the issuer's keys (fetched from its metadata on first use, so a provider that is
     * down at start does not stop the application), from that issuer, unexpired, and meant for us. The issuer is
     * the resource server's if set, else the login provider's; the audiences likewise default to our client id, so
     * a token the provider issued for another application is refused.
     */
    @Bean
    JwtDecoder jwtDecoder(Environment environment) {
        String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                environment.getProperty("spring.security.oauth2.client.provider.kommun.issuer-uri", ""));
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("OIDC: set SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KOMMUN_ISSUERURI "
                    + "(or SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI)");
        }
        List<String> audiences = List.of(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences",
                String[].class, new String[] {environment.getRequiredProperty(CLIENT_ID_PROPERTY)}));
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                audience -> audience != null && audience.stream().anyMatch(audiences::contains)));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    /**
     * Camunda's webapps re-read a session's user and groups from its identity tables every five minutes by default;
     * a login's user is not there, so that re-check would log every officer out. The groups come with the login and
     * last as long as its session.
     */
    @Bean
    static BeanPostProcessor webappGroupsFromLogin() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof CamundaBpmProperties camunda) {
                    camunda.getWebapp().getAuth().getCache().setTtlEnabled(false);
                }
                return bean;
            }
        };
    }

    /** After Spring Security (which has the login), before Camunda's own authentication filter. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication(
            CamundaBpmProperties camunda) {
        String webapp = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new SpringSecurityContainerFilter());
        registration.setName("kvalitet-container-based-authentication");
        registration.addUrlPatterns(webapp + "/app/*", webapp + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** With local login off, a password is refused everywhere, before any filter could check it. */
    @Bean
    @ConditionalOnExpression("!${kvalitet.security.local-login.enabled:true}")
    FilterRegistrationBean<OncePerRequestFilter> localLoginRefusal(CamundaBpmProperties camunda) {
        String webappLogin = camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/";
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
                        String path = request.getRequestURI().substring(request.getContextPath().length());
                        if ((authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
                                || ("POST".equals(request.getMethod()) && path.startsWith(webappLogin)
                                        && path.contains("/login/"))) {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            response.sendError(HttpStatus.UNAUTHORIZED.value());
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("kvalitet-local-login-refusal");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    /**
     * Engine REST with bearer tokens: stateless (a login's session cookie must not work here, engine REST has no
     * CSRF protection), no redirect to a login page. Camunda's filter (EngineRestAuthenticationConfiguration) then
     * runs the call as the token's user and groups, or checks HTTP Basic.
     */
    @Bean
    @Order(0)
    SecurityFilterChain engineRestChain(HttpSecurity http, OidcAuthorities authorities) throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(
                        authorities.tokenConverter())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    OidcSecurity oidcSecurity(OidcAuthorities authorities, ClientRegistrationRepository registrations,
            CamundaBpmProperties camunda, @Value("${kvalitet.security.local-login.enabled:true}") boolean localLogin) {
        return new OidcSecurity(authorities, registrations, camunda.getWebapp().getApplicationPath(), localLogin);
    }

    /** What the OIDC login changes in WebSecurityConfiguration's two chains. */
    static final class OidcSecurity {

        private final OidcAuthorities authorities;
        private final ClientRegistrationRepository registrations;
        private final String webappPath;
        private final boolean localLogin;

        OidcSecurity(OidcAuthorities authorities, ClientRegistrationRepository registrations, String webappPath,
                boolean localLogin) {
            this.authorities = authorities;
            this.registrations = registrations;
            this.webappPath = webappPath;
            this.localLogin = localLogin;
        }

        boolean localLogin() {
            return localLogin;
        }

        /**
         * Tasklist, Cockpit and Admin: a browser without a login goes to the provider and comes back to the page it
         * asked for; the webapps' own API calls get 401. Camunda's logout call ends the local session.
         */
        void webapps(HttpSecurity http) throws Exception {
            RequestMatcher pages = path(webappPath + "/app/**");
            RequestMatcher api = path(webappPath + "/api/**");
            HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
            requestCache.setRequestMatcher(
                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, webappPath + "/app/**"));
            http.authorizeHttpRequests(requests -> requests
                            .requestMatchers(pages, api).authenticated()
                            .anyRequest().permitAll())
                    .securityContext(context -> context.securityContextRepository(contexts()))
                    .requestCache(cache -> cache.requestCache(requestCache))
                    .exceptionHandling(exceptions -> exceptions
                            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PATH),
                                    AnyRequestMatcher.INSTANCE))
                    .logout(logout -> logout
                            .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                                    webappPath + "/api/admin/auth/user/*/logout"))
                            .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)));
        }

        /**
         * Our pages and /api: the provider's login (its endpoints live in this chain), bearer tokens on /api, HTTP
         * Basic only while local login is on. /logout ends the local session and, where the provider offers
         * end_session_endpoint, the provider's (RP-initiated logout), then returns to the start page.
         */
        void application(HttpSecurity http) throws Exception {
            RequestMatcher api = path("/api/**");
            HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
            requestCache.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**"));
            OidcClientInitiatedLogoutSuccessHandler logoutSuccess =
                    new OidcClientInitiatedLogoutSuccessHandler(registrations);
            logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");
            // Authorization code with PKCE (S256) also for our confidential client, as OAuth 2.1 and BCP 240 advise.
            DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                    registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login
                            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(authorities.loginUserService())))
                    .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(
                            authorities.tokenConverter())))
                    .securityContext(context -> context.securityContextRepository(contexts()))
                    .requestCache(cache -> cache.requestCache(requestCache))
                    .exceptionHandling(exceptions -> exceptions
                            .defaultAuthenticationEntryPointFor(new BearerTokenAuthenticationEntryPoint(), api)
                            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PATH),
                                    AnyRequestMatcher.INSTANCE))
                    .logout(logout -> logout
                            .logoutRequestMatcher(new OrRequestMatcher(
                                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/logout"),
                                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout")))
                            .logoutSuccessHandler(logoutSuccess));
            if (localLogin) {
                http.httpBasic(Customizer.withDefaults());
            }
        }

        /**
         * A login lives in the session (our pages and the webapps share it); HTTP Basic and bearer calls stay in
         * their request and never create one.
         */
        private static SecurityContextRepository contexts() {
            HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();
            session.setAllowSessionCreation(false);
            return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), session);
        }

        private static RequestMatcher path(String pattern) {
            return PathPatternRequestMatcher.withDefaults().matcher(pattern);
        }
    }

    /**
     * Camunda's container-based filter with our provider handed over directly instead of by class name. Camunda's
     * own {@code createAuthentication} insists on a user row in its identity tables; a login's user has none, so the
     * session's authentication is built here from the login's id and groups, with the apps those groups may open.
     */
    static final class SpringSecurityContainerFilter extends ContainerBasedAuthenticationFilter {

        private static final List<String> APPS = List.of("cockpit", "admin", "tasklist");

        @Override
        public void init(FilterConfig config) {
            authenticationProvider = new OidcAuthorities.SpringSecurityUser(false);
        }

        @Override
        protected UserAuthentication createAuthentication(ProcessEngine engine, String userId, List<String> groups,
                List<String> tenants) {
            Set<String> apps = new LinkedHashSet<>();
            apps.add("welcome");
            for (String app : APPS) {
                if (!engine.getProcessEngineConfiguration().isAuthorizationEnabled() || engine.getAuthorizationService()
                        .isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION, app)) {
                    apps.add(app);
                }
            }
            UserAuthentication authentication = new UserAuthentication(userId, engine.getName());
            authentication.setGroupIds(groups);
            authentication.setTenantIds(tenants);
            authentication.setAuthorizedApps(apps);
            return authentication;
        }
    }
}
