package se.kommun.kvalitet.cases.intake;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The blank public form, rendered once per locale and served with the request's own CSRF token. Rendering the
 * template was 80 % of a view's CPU, and a blank form differs between requests only in that token: the
 * categories are read once per JVM, the messages and templates are fixed for a release. The token's place is
 * found by rendering with a random placeholder in its stead; a rendering that does not show the placeholder
 * exactly once is not kept (and the request is rendered as usual). A refused form is never cached: it carries
 * what the citizen typed. docs/performance.md, tuning change 16.
 */
@Component
class BlankFormPages {

    static final String TEMPLATE = "cases/form";

    /** Bounds the cache: a locale comes from a cookie or {@code ?lang=}, so a client could make up many. */
    static final int MAX_LOCALES = 8;

    private static final String CONTENT_TYPE = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private final ThymeleafViewResolver views;
    private final String placeholder = "csrfplaceholder" + UUID.randomUUID().toString().replace("-", "");
    private final Map<Locale, String> pages = new ConcurrentHashMap<>();

    BlankFormPages(ThymeleafViewResolver views) {
        this.views = views;
    }

    /** A view of the blank form for the locale; the model must be that of a blank form. */
    View view(Locale locale) {
        return new View() {
            @Override
            public String getContentType() {
                return CONTENT_TYPE;
            }

            @Override
            public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                    throws Exception {
                CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
                String page = token == null ? null : pages.get(locale);
                if (page == null && token != null) {
                    page = renderWithPlaceholder(model, request, response, token, locale);
                }
                if (page == null) {
                    views.resolveViewName(TEMPLATE, locale).render(model, request, response);
                    return;
                }
                response.setLocale(locale);
                response.setContentType(CONTENT_TYPE);
                response.getWriter().write(page.replace(placeholder, token.getToken()));
            }
        };
    }

    private String renderWithPlaceholder(Map<String, ?> model, HttpServletRequest request,
            HttpServletResponse response, CsrfToken token, Locale locale) throws Exception {
        CsrfToken standIn = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), placeholder);
        HttpServletRequest withStandIn = new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                return name.equals(CsrfToken.class.getName()) || name.equals(token.getParameterName())
                        ? standIn : super.getAttribute(name);
            }
        };
        CharArrayWriter html = new CharArrayWriter(8192);
        PrintWriter writer = new PrintWriter(html);
        HttpServletResponseWrapper captured = new HttpServletResponseWrapper(response) {
            @Override
            public PrintWriter getWriter() {
                return writer;
            }
        };
        views.resolveViewName(TEMPLATE, locale).render(model, withStandIn, captured);
        writer.flush();
        String page = html.toString();
        int first = page.indexOf(placeholder);
        if (first < 0 || page.indexOf(placeholder, first + 1) >= 0) {
            return null;
        }
        if (pages.size() < MAX_LOCALES) {
            pages.putIfAbsent(locale, page);
        }
        return page;
    }

    int cachedLocales() {
        return pages.size();
    }
}
