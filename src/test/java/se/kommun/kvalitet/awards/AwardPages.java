package se.kommun.kvalitet.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Posts the application form as a browser does: the page first (CSRF cookie and hidden field), then a
 * multipart/form-data body with the fields and the files, without following the redirect.
 */
final class AwardPages {

    private static final Pattern CSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes();

    private AwardPages() {
    }

    /** The fields of a complete application; answers K1–K3. */
    static Map<String, String> application(String applicant, String email, String category, String area,
            boolean share) {
        return Map.of("applicant", applicant, "contactName", "Eva Ek", "contactEmail", email, "category", category,
                "area", area, "answer_K1", applicant + " har brukarråd varje månad.",
                "answer_K2", applicant + " följer upp varje kvartal.", "answer_K3", applicant + " har färre avvikelser.",
                "shareAllowed", Boolean.toString(share));
    }

    static ResponseEntity<String> post(TestRestTemplate http, String pageUrl, String actionUrl,
            Map<String, String> fields, Map<String, byte[]> files) {
        return post(http, pageUrl, actionUrl, fields, files, () -> { });
    }

    /** {@code meanwhile} runs between reading the page and posting, e.g. the closing date passing. */
    static ResponseEntity<String> post(TestRestTemplate http, String pageUrl, String actionUrl,
            Map<String, String> fields, Map<String, byte[]> files, Runnable meanwhile) {
        ResponseEntity<String> page = http.getForEntity(pageUrl, String.class);
        String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(CSRF_COOKIE::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from " + pageUrl));
        Matcher field = CSRF_FIELD.matcher(String.valueOf(page.getBody()));
        assertThat(field.find()).as("hidden _csrf field on " + pageUrl + ": " + page.getBody()).isTrue();
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        fields.forEach(body::add);
        body.add("_csrf", field.group(1));
        files.forEach((name, content) -> body.add("attachments", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        meanwhile.run();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + cookie);
        return http.withRedirects(Redirects.DONT_FOLLOW).postForEntity(actionUrl, new HttpEntity<>(body, headers),
                String.class);
    }
}
