package se.kommun.kvalitet.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.InvalidActionPlanException;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The styrkort page {@code /styrkort} (Swedish; English with {@code ?lang=en}, texts {@code styrkort.*}): a unit's
 * goals for a year with each key figure's target, actual value, status (met, not met, no data) and action plan, a form
 * for a new goal with one key figure, and for process owners, quality and administrators the review of a handed-in
 * plan and the verification of its measures.
 */
@Controller
class ScorecardPageController {

    private final Scorecards scorecards;
    private final ScorecardViews views;
    private final StatisticsAccess access;
    private final Organisation organisation;
    private final Kolada kolada;
    private final UnitPlanFollowUp followUp;
    private final ActionPlans actionPlans;
    private final Clock clock;

    ScorecardPageController(Scorecards scorecards, ScorecardViews views, StatisticsAccess access,
            Organisation organisation, Kolada kolada, UnitPlanFollowUp followUp, ActionPlans actionPlans,
            Clock clock) {
        this.scorecards = scorecards;
        this.views = views;
        this.access = access;
        this.organisation = organisation;
        this.kolada = kolada;
        this.followUp = followUp;
        this.actionPlans = actionPlans;
        this.clock = clock;
    }

    /** The page of one unit's styrkort for a year, as a path on kvalitet: what its plan mails link to. */
    static String pageOf(String unit, int year) {
        return UriComponentsBuilder.fromPath("/styrkort").queryParam("unit", unit).queryParam("year", year).encode()
                .build().toUriString();
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

    /** A process owner's, quality's or an administrator's review of a handed-in plan: approve or send back. */
    @PostMapping("/styrkort/handlingsplan/granska")
    String review(@RequestParam long planId, @RequestParam String unit, @RequestParam Integer year,
            @RequestParam boolean approved, @RequestParam(required = false) String comments,
            Authentication authentication, Locale locale, Model model) {
        try {
            followUp.review(planId, approved, comments, authentication);
            return show(unit, year, List.of(), authentication, locale, model);
        } catch (InvalidActionPlanException invalid) {
            return show(unit, year, invalid.errors().entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), "plan", e.getValue())).toList(), authentication, locale, model);
        } catch (IllegalStateException wrongStep) {
            return show(unit, year, List.of(new FieldError("plan", "step", wrongStep.getMessage())), authentication,
                    locale, model);
        }
    }

    /** The verification of each measure from the follow-up date: {@code remedied} holds the remedied positions. */
    @PostMapping("/styrkort/handlingsplan/folj-upp")
    String verify(@RequestParam long planId, @RequestParam String unit, @RequestParam Integer year,
            @RequestParam(required = false) List<Integer> remedied, Authentication authentication, Locale locale,
            Model model) {
        Map<Integer, Boolean> verdicts = new HashMap<>();
        List<Integer> done = remedied == null ? List.of() : remedied;
        actionPlans.require(planId).measures().forEach(m -> verdicts.put(m.position(), done.contains(m.position())));
        try {
            followUp.verify(planId, verdicts, authentication);
            return show(unit, year, List.of(), authentication, locale, model);
        } catch (IllegalStateException wrongStep) {
            return show(unit, year, List.of(new FieldError("plan", "step", wrongStep.getMessage())), authentication,
                    locale, model);
        }
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
