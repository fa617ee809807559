package se.kommun.kvalitet.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Insyn: the public figures for the whole municipality or one unit, as JSON ({@code GET /api/insyn}) and as a page
 * without JavaScript ({@code /insyn}). The period defaults to this year so far.
 */
@Controller
class InsynController {

    private final StatisticsQuery query;
    private final StatisticsFilters filters;
    private final Organisation organisation;
    private final Clock clock;

    InsynController(StatisticsQuery query, StatisticsFilters filters, Organisation organisation, Clock clock) {
        this.query = query;
        this.filters = filters;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping(path = "/api/insyn", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicFigures api(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String type,
            @RequestParam(required = false) String category) {
        StatisticsFilter filter = filter(from, to, unit, type, category);
        return PublicFigures.of(filter, query.figures(filter));
    }

    @GetMapping("/insyn")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, Model model) {
        StatisticsFilter filter;
        try {
            filter = filter(from, to, unit, null, null);
        } catch (InvalidStatisticsFilterException e) {
            model.addAttribute("filterError", e.getMessage());
            filter = filter(null, null, null, null, null);
        }
        model.addAttribute("figures", PublicFigures.of(filter, query.figures(filter)));
        model.addAttribute("units", organisation.units());
        model.addAttribute("unit", filter.allUnits() ? "" : filter.unitIds().get(0));
        return "statistics/insyn";
    }

    private StatisticsFilter filter(String from, String to, String unit, String type, String category) {
        LocalDate today = LocalDate.now(clock);
        String start = StatisticsFilters.blankToNull(from) == null ? today.withDayOfYear(1).toString() : from;
        String end = StatisticsFilters.blankToNull(to) == null ? today.toString() : to;
        String unitId = StatisticsFilters.blankToNull(unit);
        if (unitId != null && organisation.unit(unitId).isEmpty()) {
            throw new UnknownStatisticsUnitException(unitId,
                    organisation.units().stream().map(Organisation.Unit::id).toList());
        }
        return filters.parse(start, end, unitId == null ? List.of() : List.of(unitId), type, category);
    }

    @ExceptionHandler(InvalidStatisticsFilterException.class)
    @ResponseBody
    ResponseEntity<ProblemDetail> invalid(InvalidStatisticsFilterException ex) {
        return ResponseEntity.badRequest().body(ex.problem());
    }
}
