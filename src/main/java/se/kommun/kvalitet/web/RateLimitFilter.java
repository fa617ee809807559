package se.kommun.kvalitet.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers 429 with Retry-After when one client address sends too many requests to the public endpoints
 * (intake API, category list, the public form's POST, the status pages, Open311). Runs after Spring Security, so
 * staff who authenticated (an officer registering letters through the API) are not limited. An Open311 request
 * that names an {@code api_key} also counts against that key, whichever address it comes from.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final RateLimiter keyLimiter;
    private final ClientAddress clientAddress;
    private final ObjectMapper objectMapper;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    RateLimitFilter(RateLimitProperties properties, ProxyProperties proxies, Clock clock, ObjectMapper objectMapper,
            MessageSource messages, LocaleResolver localeResolver) {
        this.properties = properties;
        this.limiter = new RateLimiter(clock, properties.requestsPerMinute(), properties.burst(),
                properties.maxClients());
        this.keyLimiter = new RateLimiter(clock, properties.apiKeyRequestsPerMinute(), properties.apiKeyBurst(),
                properties.maxClients());
        this.clientAddress = new ClientAddress(proxies.trustedProxies());
        this.objectMapper = objectMapper;
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    RateLimiter limiter() {
        return limiter;
    }

    RateLimiter keyLimiter() {
        return keyLimiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!properties.enabled()) {
            return true;
        }
        String path = request.getRequestURI();
        String method = request.getMethod();
        boolean limited = ("POST".equals(method) && path.equals("/api/cases"))
                || ("GET".equals(method) && path.equals("/api/categories"))
                || ("POST".equals(method) && path.equals("/rapportera"))
                || ("POST".equals(method) && path.startsWith("/utmarkelser/"))
                || path.equals("/arende") || path.startsWith("/arende/")
                || path.startsWith("/open311/")
                || path.startsWith("/enkat/") || path.startsWith("/api/surveys/");
        return !limited || authenticated();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = limiter.tryAcquire(clientAddress.of(request));
        String apiKey = request.getRequestURI().startsWith("/open311/") ? request.getParameter("api_key") : null;
        if (decision.allowed() && apiKey != null && !apiKey.isBlank()) {
            // Keyed by the key's hash: the table holds no usable key.
            decision = keyLimiter.tryAcquire("api-key:" + sha256(apiKey));
        }
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        // A citizen's browser (the public form, the status page) gets the error page in its language.
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        Locale locale = localeResolver.resolveLocale(request);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                messages.getMessage("rateLimit.title", null, locale),
                messages.getMessage("rateLimit.detail", new Object[] {decision.retryAfterSeconds()}, locale)));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
