package se.kommun.kvalitet.security;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import se.kommun.kvalitet.web.Problems;

/**
 * In front of every login: Spring Security's HTTP Basic (our API and pages), Camunda's engine REST filter and
 * the webapps' login resource. A request that carries a password (HTTP Basic, or the webapps' login form) from an
 * address in back-off gets 429 with Retry-After at once, its password unchecked. Every request is announced to
 * the {@link LoginThrottle} so that a password check the engine makes while serving it is counted for its address.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String webappPath;
    private final Pattern webappLogin;
    private final ObjectMapper objectMapper;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    LoginThrottleFilter(LoginThrottle throttle,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath, ObjectMapper objectMapper,
            MessageSource messages, LocaleResolver localeResolver) {
        this.throttle = throttle;
        this.webappPath = webappPath;
        this.webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
        this.objectMapper = objectMapper;
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(throttle.addressOf(request), channel(path));
        if (carriesPassword(request, path)) {
            long retryAfter = throttle.retryAfterSeconds(attempt.address());
            if (retryAfter > 0) {
                throttle.refused(attempt);
                refuse(request, response, attempt.channel(), retryAfter);
                return;
            }
        }
        throttle.begin(attempt);
        try {
            chain.doFilter(request, response);
        } finally {
            throttle.end();
        }
    }

    private LoginThrottle.Channel channel(String path) {
        if (path.startsWith("/engine-rest/")) {
            return LoginThrottle.Channel.ENGINE_REST;
        }
        return path.startsWith(webappPath + "/") ? LoginThrottle.Channel.WEBAPP : LoginThrottle.Channel.API;
    }

    private boolean carriesPassword(HttpServletRequest request, String path) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return basic || ("POST".equals(request.getMethod()) && webappLogin.matcher(path).matches());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, LoginThrottle.Channel channel,
            long retryAfter) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        if (channel != LoginThrottle.Channel.API) {
            // Camunda's clients (Tasklist, Cockpit, engine REST callers) read Camunda's error shape.
            ExceptionDto error = new ExceptionDto();
            error.setType(RestException.class.getSimpleName());
            error.setMessage(detail(Locale.forLanguageTag("sv"), retryAfter) + " / "
                    + detail(Locale.ENGLISH, retryAfter));
            write(response, MediaType.APPLICATION_JSON_VALUE, error);
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        Locale locale = localeResolver.resolveLocale(request);
        write(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                "login-throttled", messages.getMessage("loginThrottle.title", null, locale),
                detail(locale, retryAfter)));
    }

    private String detail(Locale locale, long retryAfter) {
        return messages.getMessage("loginThrottle.detail", new Object[] {retryAfter}, locale);
    }

    private void write(HttpServletResponse response, String contentType, Object body) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
