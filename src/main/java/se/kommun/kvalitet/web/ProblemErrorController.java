package se.kommun.kvalitet.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every refusal that no controller answered becomes: a request rejected before a controller was chosen
 * (unknown path, unsupported content type or method, Spring Security's firewall, an uncaught exception) is
 * forwarded by the servlet container to the error path. Programs get an RFC 7807 problem as
 * {@code application/problem+json}, like every other API error; browsers get a Swedish page. Nothing of the
 * exception is shown.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Felaktig begäran / bad request"),
            Map.entry(401, "Inloggning krävs / authentication required"),
            Map.entry(403, "Åtkomst nekad / forbidden"),
            Map.entry(404, "Hittades inte / not found"),
            Map.entry(405, "Metoden stöds inte / method not allowed"),
            Map.entry(406, "Svarsformatet stöds inte / not acceptable"),
            Map.entry(413, "För stor begäran / request too large"),
            Map.entry(415, "Innehållstypen stöds inte / unsupported media type"),
            Map.entry(429, "För många förfrågningar / too many requests"),
            Map.entry(500, "Internt fel / internal error"),
            Map.entry(503, "Tjänsten är tillfälligt otillgänglig / service unavailable"));

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        response.setStatus(status.value());
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = Problems.of(status, "http-" + status.value(),
                TITLES.getOrDefault(status.value(), status.getReasonPhrase()), null);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            try {
                problem.setInstance(URI.create(String.valueOf(path)));
            } catch (IllegalArgumentException notAUri) {
                // The path of a rejected request may hold anything a client sent: then the problem names none.
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
