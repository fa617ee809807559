package se.kommun.kvalitet.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The styrkort page {@code /styrkort} (Swedish): a unit's goals for a year with each key figure's target, actual
 * value, status (met, not met, no data) and action plan, and a form for a new goal with one key figure.
 */
@Controller
class ScorecardPageController {

    private final Scorecards scorecards;
    private final ScorecardViews views;
    private final StatisticsAccess access;
    private final Organisation organisation;
    private final Kolada kolada;
    private final Clock clock;

    ScorecardPageController(Scorecards scorecards, ScorecardViews views, StatisticsAccess access,
            Organisation organisation, Kolada kolada, Clock clock) {
        this.scorecards = scorecards;
        this.views = views;
        this.access = access;
        this.organisation = organisation;
        this.kolada = kolada;
        this.clock = clock;
    }

    @GetMapping("/styrkort")
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
            Authentication authentication, Locale locale, Model model) {
        return show(unit, year, List.of(), authentication, locale, model);
    }

    /** {@code source} is {@code MEASURE:<name>} or {@code KPI:<id>}. */
    @PostMapping("/styrkort")
    String create(@RequestParam String unit, @RequestParam Integer year, @RequestParam String title,
            @RequestParam String source, @RequestParam(required = false) BigDecimal target,
            @RequestParam String direction, Authentication authentication, Locale locale, Model model) {
        access.units(authentication, unit);
        String measure = source.startsWith("MEASURE:") ? source.substring(8) : null;
        String kpi = source.startsWith("KPI:") ? source.substring(4) : null;
        List<FieldError> errors = List.of();
        try {
            scorecards.create(new Scorecards.NewGoal(unit, year, title, List.of(new Scorecards.NewKeyFigure(measure,
                    kpi, target, direction))), authentication.getName());
        } catch (InvalidScorecardException invalid) {
            errors = invalid.errors();
        }
        return show(unit, year, errors, authentication, locale, model);
    }

    private String show(String unit, Integer year, List<FieldError> errors, Authentication authentication,
            Locale locale, Model model) {
        List<String> readable = access.units(authentication, null);
        List<Organisation.Unit> units = organisation.units().stream()
                .filter(u -> readable.isEmpty() || readable.contains(u.id())).toList();
        String shownUnit = unit == null || unit.isBlank() ? units.get(0).id() : access.units(authentication, unit)
                .get(0);
        int shownYear = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("unit", shownUnit);
        model.addAttribute("year", shownYear);
        model.addAttribute("units", units);
        model.addAttribute("goals", views.goals(shownUnit, shownYear, authentication, locale));
        model.addAttribute("measures", Arrays.asList(Measure.values()));
        model.addAttribute("kpis", kolada.importedKpis());
        model.addAttribute("errors", errors);
        return "statistics/scorecard";
    }
}
