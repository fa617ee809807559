package se.kommun.kvalitet.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.web.ProblemApi;
import se.kommun.kvalitet.web.Problems;

/**
 * The improvement view: {@code GET /api/improvement} (JSON) and the page {@code /forbattring} (Swedish; English with
 * {@code ?lang=en}, texts {@code forbattring.*}), for the statistics readers over their units; the cases behind a
 * row only for those who may read them.
 */
@Controller
@ProblemApi
class ImprovementController {

    private final ImprovementQuery query;
    private final StatisticsAccess access;
    private final StatisticsFilters filters;
    private final Organisation organisation;
    private final Clock clock;

    ImprovementController(ImprovementQuery query, StatisticsAccess access, StatisticsFilters filters,
            Organisation organisation, Clock clock) {
        this.query = query;
        this.access = access;
        this.filters = filters;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping(path = "/api/improvement", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ImprovementQuery.Improvement api(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String type, @RequestParam(required = false) String category,
            Authentication authentication) {
        return improvement(from, to, unit, type, category, authentication);
    }

    @GetMapping("/forbattring")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, Authentication authentication, Model model) {
        LocalDate today = LocalDate.now(clock);
        String start = StatisticsFilters.blankToNull(from) == null ? today.minusYears(1).plusDays(1).toString() : from;
        String end = StatisticsFilters.blankToNull(to) == null ? today.toString() : to;
        List<String> readable = access.units(authentication, null);
        model.addAttribute("improvement", improvement(start, end, unit, null, null, authentication));
        model.addAttribute("unit", StatisticsFilters.blankToNull(unit) == null ? "" : unit);
        model.addAttribute("units", organisation.units().stream()
                .filter(u -> readable.isEmpty() || readable.contains(u.id())).toList());
        return "statistics/improvement";
    }

    private ImprovementQuery.Improvement improvement(String from, String to, String unit, String type,
            String category, Authentication authentication) {
        StatisticsFilter parsed = filters.parse(from, to, List.of(), type, category);
        StatisticsFilter filter = new StatisticsFilter(parsed.from(), parsed.to(),
                access.units(authentication, StatisticsFilters.blankToNull(unit)), parsed.type(), parsed.category());
        return query.of(filter, access.unitsWhoseCasesAreReadable(authentication));
    }

    @ExceptionHandler(InvalidStatisticsFilterException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidStatisticsFilterException ex) {
        return ResponseEntity.badRequest().body(ex.problem());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Enheten är inte din / not your unit",
                "Chefer ser sina enheters förbättringsunderlag; processägare och kvalitetsgruppen ser alla enheter."));
    }
}
