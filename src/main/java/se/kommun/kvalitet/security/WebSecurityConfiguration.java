package se.kommun.kvalitet.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two chains. Camunda's webapps and engine REST bring their own authentication, CSRF protection and
 * security headers, so Spring Security stays out of their way. Everything else (our pages and /api) is
 * stateless: public pages are open, staff authenticate with HTTP Basic against Camunda's identity.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final String ADMIN_GROUP = "camunda-admin";

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        return http
                // Explicit path matchers: /engine-rest is Jersey's servlet, which Spring MVC matchers do not see.
                .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(HttpSecurity http, Organisation organisation) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/cases").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/categories").permitAll()
                        .requestMatchers("/rapportera", "/rapportera/**", "/arende", "/arende/**").permitAll()
                        .requestMatchers("/admin/**", "/actuator/**").hasAuthority(group(ADMIN_GROUP))
                        // Redeploy and migration (processtooling) change what every case runs on.
                        .requestMatchers("/api/admin/**").hasAuthority(group(organisation.processOwnerGroup()))
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Machine clients of /api send no CSRF token; browser forms keep CSRF, in a cookie so that
                // any node of a cluster can check it.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(new CookieCsrfTokenRepository())
                        .ignoringRequestMatchers("/api/**"))
                .build();
    }

    static String group(String groupId) {
        return CamundaIdentityAuthenticationProvider.GROUP_PREFIX + groupId;
    }
}
