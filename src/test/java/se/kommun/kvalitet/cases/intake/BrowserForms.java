package se.kommun.kvalitet.cases.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts a form as a browser does: the page first, for the CSRF cookie and hidden field, then both back. */
public final class BrowserForms {

    private static final Pattern CSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private BrowserForms() {
    }

    public static ResponseEntity<String> post(TestRestTemplate http, String pageUrl, String actionUrl,
            MultiValueMap<String, String> fields) {
        ResponseEntity<String> page = http.getForEntity(pageUrl, String.class);
        String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(CSRF_COOKIE::matcher).filter(Matcher::find).map(matcher -> matcher.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from " + pageUrl));
        Matcher field = CSRF_FIELD.matcher(String.valueOf(page.getBody()));
        assertThat(field.find()).as("hidden _csrf field on " + pageUrl).isTrue();
        fields.set("_csrf", field.group(1));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + cookie);
        // The answer itself, not where it redirects to.
        return http.withRedirects(Redirects.DONT_FOLLOW).postForEntity(actionUrl, new HttpEntity<>(fields, headers), String.class);
    }
}
