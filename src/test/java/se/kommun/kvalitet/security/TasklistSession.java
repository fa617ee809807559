package se.kommun.kvalitet.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A Tasklist login without a browser: the same session cookie, CSRF token and webapp engine API
 * ({@code /camunda/api/engine}) that Tasklist's own requests use.
 */
final class TasklistSession {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    private TasklistSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    static TasklistSession logIn(String baseUrl, String user, String password) throws IOException, InterruptedException {
        TasklistSession session = new TasklistSession(baseUrl);
        session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login answered " + login.statusCode() + ": " + login.body());
        }
        // The login starts a new session; its CSRF token comes with the next read, as Tasklist's own does.
        session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/engine/engine/default/task/count"))
                .GET());
        return session;
    }

    /** A JSON POST to the webapps' engine API, e.g. "process-definition/key/caseHandling/submit-form". */
    HttpResponse<String> postToEngine(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/engine/engine/default/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse(null);
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
