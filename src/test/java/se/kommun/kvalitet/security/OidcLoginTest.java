package se.kommun.kvalitet.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.kommun.kvalitet.KvalitetApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign in with a real OpenID Connect provider (mock-oauth2-server, in this JVM, with its own login page) and
 * integrations call the API with its tokens. Runs in its own JVM: the application starts with the provider's
 * three Spring properties, a group mapping, and local passwords off, as a municipality would run it.
 */
@Tag("own-jvm")
class OidcLoginTest {

    static final String ISSUER_ID = "kommun";
    static final String CLIENT_ID = "kvalitet";
    /** Vård och omsorg's officers as the provider names them (an Entra ID group object id). */
    static final String IDP_CARE_GROUP = "5b1f9c2e-care-officers";
    static final String SERVICE_CLIENT = "e-tjanstplattform";

    static MockOAuth2Server provider;
    static ConfigurableApplicationContext server;
    static String baseUrl;
    static String careCase;
    static String streetCase;

    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server(new OAuth2Config(true, null, null));
        provider.start();
        server = new SpringApplicationBuilder(KvalitetApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.security.oauth2.client.provider.kommun.issuer-uri=" + provider.issuerUrl(ISSUER_ID),
                "--spring.security.oauth2.client.registration.kommun.client-id=" + CLIENT_ID,
                "--spring.security.oauth2.client.registration.kommun.client-secret=test-hemlighet",
                "--spring.security.oauth2.client.registration.kommun.scope=openid,profile",
                "--kvalitet.oidc.group-mapping.[" + IDP_CARE_GROUP + "]=careOfficers",
                "--kvalitet.oidc.service-group=careOfficers",
                "--kvalitet.oidc.service-clients=" + SERVICE_CLIENT,
                "--kvalitet.security.local-login.enabled=false");
        baseUrl = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        careCase = submitCase("ELDERLY_CARE");
        streetCase = submitCase("STREETS_PARKS");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void aCareOfficerSignsInAtTheProviderAndTasklistShowsVardOchOmsorgsTasksOnly() throws Exception {
        Browserless officer = new Browserless();

        HttpResponse<String> tasklist = officer.get(baseUrl + "/camunda/app/tasklist/default/");
        String authorize = officer.redirects.stream().filter(url -> url.startsWith(provider.authorizationEndpointUrl(
                ISSUER_ID).toString())).findFirst().orElseThrow(() -> new AssertionError(officer.redirects));
        assertThat(authorize).as("authorization code with PKCE").contains("response_type=code",
                "code_challenge_method=S256", "code_challenge=");
        assertThat(tasklist.body()).as("the provider's login page").contains("name=\"username\"");

        HttpResponse<String> landed = officer.signIn(authorize, "bjorn.oidc", List.of(IDP_CARE_GROUP, "okand-grupp"));

        assertThat(landed.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(landed.statusCode()).isEqualTo(200);
        JsonNode user = json.readTree(officer.get(baseUrl + "/camunda/api/admin/auth/user/default").body());
        assertThat(user.path("userId").asText()).isEqualTo("bjorn.oidc");
        assertThat(user.path("authorizedApps").toString()).contains("tasklist");
        JsonNode tasks = json.readTree(officer.get(baseUrl
                + "/camunda/api/engine/engine/default/task?maxResults=200").body());
        List<String> taskIds = new ArrayList<>();
        tasks.forEach(task -> taskIds.add(task.path("id").asText()));
        assertThat(taskIds).contains(taskId(careCase)).doesNotContain(taskId(streetCase));

        // The webapps' "Logga ut" is sent to /logout (webapp sign-out script), which ends both sessions.
        HttpResponse<String> singleSignOut = officer.get(baseUrl + "/session/sign-out");
        assertThat(singleSignOut.statusCode()).isEqualTo(200);
        assertThat(json.readTree(singleSignOut.body()).path("url").asText()).isEqualTo("/logout");

        // Logout ends our session and sends the browser to the provider's end_session_endpoint.
        HttpResponse<String> logout = officer.send(HttpRequest.newBuilder(URI.create(baseUrl + "/logout")).GET(),
                false);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(provider.endSessionEndpointUrl(ISSUER_ID).toString()).contains("id_token_hint="));
        assertThat(officer.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/camunda/api/engine/engine/default/task/count")).GET(), false).statusCode()).isEqualTo(401);
    }

    @Test
    void aUserWithoutAMappedGroupIsRefusedAtLoginAndGetsNoAccess() throws Exception {
        Browserless stranger = new Browserless();
        stranger.get(baseUrl + "/camunda/app/tasklist/default/");
        String authorize = stranger.redirects.stream().filter(url -> url.contains("/authorize")).findFirst()
                .orElseThrow();

        HttpResponse<String> landed = stranger.signIn(authorize, "sara.annan", List.of("helt-annan-grupp"));

        assertThat(landed.uri().getPath()).isEqualTo("/login");
        assertThat(stranger.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/camunda/api/engine/engine/default/task/count")).GET(), false).statusCode()).isEqualTo(401);
    }

    @Test
    void aBearerTokenOfACareOfficerReadsHerUnitsCaseOnly() throws Exception {
        String token = token(provider, "bjorn.oidc", List.of(CLIENT_ID), Map.of("groups", List.of(IDP_CARE_GROUP),
                "azp", CLIENT_ID), 3600);

        assertThat(get("/api/cases/" + careCase, token).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/" + streetCase, token).statusCode()).isEqualTo(403);
        HttpResponse<String> engineTasks = get("/engine-rest/task?maxResults=200", token);
        assertThat(engineTasks.statusCode()).isEqualTo(200);
        assertThat(engineTasks.body()).contains(taskId(careCase)).doesNotContain(taskId(streetCase));
    }

    @Test
    void onEngineRestTheTokensUserClaimsHerUnitsTaskAndNotAnothers() throws Exception {
        String care = submitCase("ELDERLY_CARE");
        String street = submitCase("STREETS_PARKS");
        String token = token(provider, "bjorn.oidc", List.of(CLIENT_ID), Map.of("groups", List.of(IDP_CARE_GROUP),
                "azp", CLIENT_ID), 3600);

        assertThat(post("/engine-rest/task/" + taskId(care) + "/claim", "{\"userId\":\"bjorn.oidc\"}", token)
                .statusCode()).isEqualTo(204);
        assertThat(server.getBean(TaskService.class).createTaskQuery().taskId(taskId(care)).singleResult()
                .getAssignee()).isEqualTo("bjorn.oidc");
        assertThat(post("/engine-rest/task/" + taskId(street) + "/claim", "{\"userId\":\"bjorn.oidc\"}", token)
                .statusCode()).isIn(403, 404);
        assertThat(server.getBean(TaskService.class).createTaskQuery().taskId(taskId(street)).singleResult()
                .getAssignee()).isNull();
    }

    @Test
    void aClientCredentialsTokenOfAListedClientGetsTheServiceGroup() throws Exception {
        String token = token(provider, SERVICE_CLIENT, List.of(CLIENT_ID), Map.of("azp", SERVICE_CLIENT), 3600);
        String unlisted = token(provider, "okand-klient", List.of(CLIENT_ID), Map.of("azp", "okand-klient"), 3600);

        assertThat(get("/api/cases/" + careCase, token).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/" + careCase, unlisted).statusCode()).isEqualTo(401);
    }

    @Test
    void tokensForAnotherAudienceExpiredOrSignedByAnotherProviderAreRefused() throws Exception {
        Map<String, Object> claims = Map.of("groups", List.of(IDP_CARE_GROUP), "azp", CLIENT_ID);
        String otherAudience = token(provider, "bjorn.oidc", List.of("ekonomisystemet"), claims, 3600);
        String expired = token(provider, "bjorn.oidc", List.of(CLIENT_ID), claims, -3600);
        String forged = forged(token(provider, "bjorn.oidc", List.of(CLIENT_ID), claims, 3600));

        Map<String, String> tokens = Map.of("another audience", otherAudience, "expired", expired,
                "another key's signature", forged);
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            for (String path : List.of("/api/cases/" + careCase, "/engine-rest/task")) {
                HttpResponse<String> response = get(path, token.getValue());
                assertThat(response.statusCode()).as(token.getKey() + " on " + path).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer"));
            }
        }
    }

    @Test
    void withLocalLoginOffHttpBasicIsRefusedEverywhere() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:Lokal-Start-2026!"
                .getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/api/cases/" + careCase, "/engine-rest/task", "/admin/mail")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + path)).header("Authorization", basic).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> webappLogin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=Lokal-Start-2026%21")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(webappLogin.statusCode()).isEqualTo(401);
    }

    /** The genuine token's header and claims, signed with a key of somebody else's (same key id). */
    private static String forged(String genuine) throws Exception {
        SignedJWT original = SignedJWT.parse(genuine);
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(original.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(original.getHeader(), original.getJWTClaimsSet());
        forged.sign(new RSASSASigner(otherKey));
        return forged.serialize();
    }

    private static String token(MockOAuth2Server issuer, String subject, List<String> audience,
            Map<String, Object> claims, long expirySeconds) {
        return issuer.issueToken(ISSUER_ID, subject, new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT",
                audience, claims, expirySeconds)).serialize();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String taskId(String reference) {
        return server.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
    }

    private static String submitCase(String category) throws IOException, InterruptedException {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/api/cases")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type":"COMPLAINT","category":"%s","description":"Ärende för OIDC-testet.",
                         "contact":{"name":"Eva","email":"eva@example.se"},"language":"sv"}""".formatted(category)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new ObjectMapper().readTree(created.body()).path("reference").asText();
    }

    /** A browser's cookies and redirects, without the browser: every redirect it followed is kept. */
    static final class Browserless {

        final List<String> redirects = new ArrayList<>();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET(), true);
        }

        /** Fills in the provider's login page: user name and the token's claims. */
        HttpResponse<String> signIn(String authorizeUrl, String user, List<String> groups)
                throws IOException, InterruptedException {
            String claims = new ObjectMapper().writeValueAsString(Map.of("groups", groups));
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&claims="
                    + URLEncoder.encode(claims, StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(URI.create(authorizeUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), true);
        }

        HttpResponse<String> send(HttpRequest.Builder request, boolean follow)
                throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            while (follow && response.statusCode() / 100 == 3) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                redirects.add(next.toString());
                response = client.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            return response;
        }
    }
}
