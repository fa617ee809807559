package se.kommun.kvalitet.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Two chains. Camunda's webapps and engine REST bring their own authentication, CSRF protection and
 * security headers, so Spring Security stays out of their way. Everything else (our pages and /api) is
 * stateless: public pages are open, staff authenticate with HTTP Basic against Camunda's identity.
 * With the municipality's OpenID Connect provider configured, {@link OidcConfiguration} adds the provider's
 * login and bearer tokens to both chains (and a third one for engine REST).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final String ADMIN_GROUP = "camunda-admin";

    /** Our pages have no inline script or style (CSS lives in static/css), so nothing needs 'unsafe-inline'. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private final boolean hsts;
    private final boolean secureCookies;

    /**
     * One switch each for both chains: HSTS follows Camunda's webapp setting and the CSRF cookie follows the
     * session cookie's Secure flag (both on in the prod profile). Behind a TLS-terminating proxy the request
     * looks like plain http, so Spring's default "HSTS and Secure only on https requests" would send neither.
     */
    WebSecurityConfiguration(@Value("${camunda.bpm.webapp.header-security.hsts-disabled:true}") boolean hstsDisabled,
            ServerProperties server) {
        this.hsts = !hstsDisabled;
        this.secureCookies = Boolean.TRUE.equals(server.getServlet().getSession().getCookie().getSecure());
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http, ObjectProvider<OidcConfiguration.OidcSecurity> oidc)
            throws Exception {
        http
                // Explicit path matchers: /engine-rest is Jersey's servlet, which Spring MVC matchers do not see.
                // With OIDC on, OidcConfiguration's own chain takes /engine-rest before this one.
                .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable());
        OidcConfiguration.OidcSecurity login = oidc.getIfAvailable();
        if (login == null) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .requestCache(cache -> cache.disable());
        } else {
            login.webapps(http);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(HttpSecurity http, Organisation organisation,
            ObjectProvider<OidcConfiguration.OidcSecurity> oidc) throws Exception {
        OidcConfiguration.OidcSecurity login = oidc.getIfAvailable();
        if (login == null) {
            http.httpBasic(Customizer.withDefaults())
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        } else {
            login.application(http);
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/cases").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/categories", SignOutController.PATH).permitAll()
                        .requestMatchers("/rapportera", "/rapportera/**", "/arende", "/arende/**").permitAll()
                        // Open311 GeoReport v2: public; the module checks the api_key of each report itself.
                        .requestMatchers("/open311/v2/**").permitAll()
                        // Nöjdhetsenkät: the personal token in the link is the citizen's only credential.
                        .requestMatchers("/enkat/**", "/api/surveys/**").permitAll()
                        // Svarsmallar: every officer reads (the active ones); process owners and managers keep them.
                        .requestMatchers(HttpMethod.GET, "/api/answer-templates", "/api/answer-templates/**")
                                .authenticated()
                        .requestMatchers("/api/answer-templates", "/api/answer-templates/**", "/svarsmallar",
                                "/svarsmallar/**").hasAnyAuthority(answerTemplateEditors(organisation))
                        .requestMatchers("/api/survey-statistics").hasAnyAuthority(surveyStatisticsReaders(organisation))
                        // Insyn: public figures, counts below 5 suppressed (statistics module, issue 20).
                        .requestMatchers(HttpMethod.GET, "/insyn", "/api/insyn").permitAll()
                        // Kolada comparison: process owners and administrators upload files and map KPIs.
                        .requestMatchers("/api/kolada/**", "/statistik/kolada", "/statistik/kolada/**")
                        .hasAnyAuthority(group(organisation.processOwnerGroup()), group(ADMIN_GROUP))
                        // Statistics: managers (their units), process owners, quality, administrators (all units);
                        // the same for the improvement view and the styrkort (which narrow it to the reader's units).
                        .requestMatchers("/api/statistics", "/api/statistics.csv", "/statistik", "/api/improvement",
                                "/forbattring", "/api/scorecards", "/api/scorecards/**", "/styrkort")
                        .hasAnyAuthority(statisticsReaders(organisation))
                        .requestMatchers("/admin/**", "/actuator/**").hasAuthority(group(ADMIN_GROUP))
                        // Client applications' Open311 keys are the administrators', not the process owners'.
                        .requestMatchers("/api/admin/open311-keys", "/api/admin/open311-keys/**")
                        .hasAuthority(group(ADMIN_GROUP))
                        // Redeploy and migration (processtooling) change what every case runs on.
                        .requestMatchers("/api/admin/**").hasAuthority(group(organisation.processOwnerGroup()))
                        // Deviations: any staff member reports; who reads one is decided per deviation (its unit).
                        .requestMatchers(HttpMethod.POST, "/api/deviations").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/deviations/*").authenticated()
                        // Handlingsplaner: the supplier's page is public; without a valid signed link it answers 404.
                        .requestMatchers("/handlingsplan/*").permitAll()
                        // Contracts and the annual report: contract managers, process owners, administrators and the
                        // committees' officers; which contracts an officer reads is decided per contract (committee).
                        .requestMatchers("/api/contracts", "/api/contracts/**", "/api/reports/strategic-contracts")
                        .hasAnyAuthority(contractReaders(organisation))
                        // Kvalitetspeng: the same staff and the committee's delegates (who read periods and their
                        // reports); which provider an officer works with is decided per result (its unit).
                        .requestMatchers("/api/quality-payment", "/api/quality-payment/**")
                        .hasAnyAuthority(qualityPaymentReaders(organisation))
                        // Jämföraren: approved periods only, public (qualitypayment, issue 19).
                        .requestMatchers(HttpMethod.GET, "/jamfor").permitAll()
                        // Kvalitetsutmärkelse (issue 25): applications and good examples are public; award
                        // administrators open calls; the jury, its chairs and the administrators read applications
                        // (a member with a declared conflict of interest gets 404 from the module).
                        .requestMatchers("/utmarkelser/ansokningar/**").hasAnyAuthority(
                                group(organisation.awardGroups().jury()), group(organisation.awardGroups().chairs()),
                                group(organisation.awardGroups().administrators()), group(ADMIN_GROUP))
                        .requestMatchers("/utmarkelser", "/utmarkelser/**", "/goda-exempel").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/goda-exempel").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/awards/calls").hasAnyAuthority(
                                group(organisation.awardGroups().administrators()), group(ADMIN_GROUP))
                        .requestMatchers("/avtal/**").hasAnyAuthority(group(organisation.contractManagerGroup()),
                                group(organisation.processOwnerGroup()), group(ADMIN_GROUP))
                        .anyRequest().authenticated())
                // Machine clients of /api and Open311 send no CSRF token; browser forms keep CSRF, in a cookie so that
                // any node of a cluster can check it.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookies())
                        .ignoringRequestMatchers("/api/**", "/open311/v2/**"))
                // X-Content-Type-Options: nosniff and Cache-Control are Spring's defaults. A page that sets its
                // own Referrer-Policy (the status page: no-referrer) keeps it.
                .headers(headers -> {
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                            .frameOptions(frame -> frame.deny());
                    if (hsts) {
                        headers.httpStrictTransportSecurity(sts -> sts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .maxAgeInSeconds(31_536_000).includeSubDomains(true));
                    }
                })
                .build();
    }

    private static String[] answerTemplateEditors(Organisation organisation) {
        return Stream.concat(Stream.of(organisation.processOwnerGroup()),
                organisation.units().stream().map(Organisation.Unit::managerGroup))
                .map(WebSecurityConfiguration::group).toArray(String[]::new);
    }

    private static String[] surveyStatisticsReaders(Organisation organisation) {
        return Stream.concat(Stream.of(organisation.processOwnerGroup(), organisation.qualityGroup()),
                organisation.units().stream().map(Organisation.Unit::managerGroup))
                .map(WebSecurityConfiguration::group).toArray(String[]::new);
    }

    private static String[] statisticsReaders(Organisation organisation) {
        return Stream.concat(Stream.of(surveyStatisticsReaders(organisation)), Stream.of(group(ADMIN_GROUP)))
                .toArray(String[]::new);
    }

    private CookieCsrfTokenRepository csrfCookies() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (secureCookies) {
                cookie.secure(true);
            }
        });
        return repository;
    }

    /** Every officer group may reach the contract endpoints; the module narrows it to the committee's officers. */
    private static String[] contractReaders(Organisation organisation) {
        List<String> groups = new ArrayList<>(List.of(
                group(organisation.contractManagerGroup()), group(organisation.processOwnerGroup()), group(ADMIN_GROUP)));
        organisation.units().forEach(unit -> groups.add(group(unit.officerGroup())));
        return groups.toArray(String[]::new);
    }

    private static String[] qualityPaymentReaders(Organisation organisation) {
        return Stream.concat(Stream.of(contractReaders(organisation)),
                Stream.of(group(organisation.committeeDelegateGroup()))).toArray(String[]::new);
    }

    static String group(String groupId) {
        return CamundaIdentityAuthenticationProvider.GROUP_PREFIX + groupId;
    }
}
