package se.kommun.kvalitet.statistics;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.web.ProblemApi;
import se.kommun.kvalitet.web.Problems;

/**
 * {@code GET /api/statistics} and its CSV ({@code /api/statistics.csv}) for managers (their units), process owners,
 * the quality group and administrators (all units); the JSON adds the Kolada comparison of the mapped KPIs.
 */
@RestController
@ProblemApi
class StatisticsApiController {

    private final StatisticsQuery query;
    private final StatisticsAccess access;
    private final StatisticsFilters filters;
    private final Kolada kolada;

    StatisticsApiController(StatisticsQuery query, StatisticsAccess access, StatisticsFilters filters,
            Kolada kolada) {
        this.query = query;
        this.access = access;
        this.filters = filters;
        this.kolada = kolada;
    }

    @GetMapping(path = "/api/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    StatisticsAnswer statistics(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String type, @RequestParam(required = false) String category,
            Authentication authentication, Locale locale) {
        StatisticsFilter filter = filter(from, to, unit, type, category, authentication);
        Figures figures = query.figures(filter);
        return new StatisticsAnswer(figures, kolada.comparisons(figures, filter.to().getYear(), locale));
    }

    @GetMapping("/api/statistics.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String type,
            @RequestParam(required = false) String category, Authentication authentication) {
        StatisticsFilter filter = filter(from, to, unit, type, category, authentication);
        String period = filter.from() + "–" + filter.to();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statistik-" + filter.from() + "-" + filter.to() + ".csv").build().toString())
                .body(StatisticsCsv.write(query.figures(filter), period));
    }

    private StatisticsFilter filter(String from, String to, String unit, String type, String category,
            Authentication authentication) {
        StatisticsFilter parsed = filters.parse(from, to, java.util.List.of(), type, category);
        return new StatisticsFilter(parsed.from(), parsed.to(),
                access.units(authentication, StatisticsFilters.blankToNull(unit)), parsed.type(), parsed.category());
    }

    @ExceptionHandler(InvalidStatisticsFilterException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidStatisticsFilterException ex) {
        return ResponseEntity.badRequest().body(ex.problem());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Enheten är inte din / not your unit",
                "Chefer ser sina enheters statistik; processägare och kvalitetsgruppen ser alla enheter."));
    }
}
