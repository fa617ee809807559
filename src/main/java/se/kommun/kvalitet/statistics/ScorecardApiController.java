package se.kommun.kvalitet.statistics;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.actionplans.ActionPlanNotFoundException;
import se.kommun.kvalitet.actionplans.InvalidActionPlanException;
import se.kommun.kvalitet.shared.FieldError;
import se.kommun.kvalitet.web.ProblemApi;
import se.kommun.kvalitet.web.Problems;

/**
 * The styrkort as JSON: {@code GET /api/scorecards?unit=&year=} (goals, key figures, actual value, status and action
 * plan) and {@code POST /api/scorecards/goals}, for the unit's managers, process owners, quality and administrators;
 * the review and verification of a unit's plan ({@code /api/scorecards/plans/{id}/review}, {@code …/verification})
 * for process owners, quality and administrators.
 */
@RestController
@ProblemApi
class ScorecardApiController {

    private final Scorecards scorecards;
    private final ScorecardViews views;
    private final StatisticsAccess access;
    private final UnitPlanFollowUp followUp;
    private final Clock clock;

    ScorecardApiController(Scorecards scorecards, ScorecardViews views, StatisticsAccess access,
            UnitPlanFollowUp followUp, Clock clock) {
        this.scorecards = scorecards;
        this.views = views;
        this.access = access;
        this.followUp = followUp;
        this.clock = clock;
    }

    @GetMapping("/api/scorecards")
    Map<String, Object> scorecard(@RequestParam String unit, @RequestParam(required = false) Integer year,
            Authentication authentication, Locale locale) {
        access.units(authentication, unit);
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        return Map.of("unit", unit, "year", shown, "goals", views.goals(unit, shown, authentication, locale));
    }

    @PostMapping("/api/scorecards/goals")
    ResponseEntity<List<ScorecardViews.GoalView>> create(@RequestBody Scorecards.NewGoal goal,
            Authentication authentication, Locale locale) {
        if (goal.unit() != null && !goal.unit().isBlank()) {
            access.units(authentication, goal.unit());
        }
        long id = scorecards.create(goal, authentication.getName());
        return ResponseEntity.created(URI.create("/api/scorecards?unit=" + goal.unit() + "&year=" + goal.year()))
                .body(views.goals(goal.unit(), goal.year(), authentication, locale).stream()
                        .filter(view -> view.id() == id).toList());
    }

    /** {@code approved}, or sent back with {@code comments}; by process owners, quality or administrators. */
    record Review(Boolean approved, String comments) {
    }

    /** Each measure of the plan by position: remedied or not. */
    record Verification(Map<Integer, Boolean> remedied) {
    }

    @PostMapping("/api/scorecards/plans/{planId}/review")
    ResponseEntity<?> review(@PathVariable long planId, @RequestBody Review review, Authentication authentication) {
        if (review.approved() == null) {
            return ResponseEntity.badRequest().body(Problems.invalidFields("Granskningen sparades inte / the review "
                    + "was not stored", List.of(new FieldError("approved", "required", "Ange true eller false / give "
                            + "true or false"))));
        }
        LocalDate date = followUp.review(planId, review.approved(), review.comments(), authentication);
        return ResponseEntity.ok(review.approved() ? Map.of("status", "APPROVED", "followUpOn", date)
                : Map.of("status", "SENT_BACK", "deadline", date));
    }

    @PostMapping("/api/scorecards/plans/{planId}/verification")
    Map<String, Object> verify(@PathVariable long planId, @RequestBody Verification verification,
            Authentication authentication) {
        boolean remedied = followUp.verify(planId, verification.remedied() == null ? Map.of()
                : verification.remedied(), authentication);
        return Map.of("status", "VERIFIED", "allRemedied", remedied);
    }

    @ExceptionHandler(InvalidActionPlanException.class)
    ResponseEntity<ProblemDetail> invalidPlan(InvalidActionPlanException ex) {
        return ResponseEntity.badRequest().body(Problems.invalidFields("Handlingsplanen / the action plan",
                ex.errors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new FieldError(e.getKey(), "plan", e.getValue())).toList()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> wrongStep(IllegalStateException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "conflict",
                "Inte i det här steget / not at this step", ex.getMessage()));
    }

    @ExceptionHandler(ActionPlanNotFoundException.class)
    ResponseEntity<ProblemDetail> noPlan() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Ingen sådan handlingsplan / no such action plan",
                "Planen finns inte eller hör inte till ett styrkort / the plan does not exist or is not a styrkort's"));
    }

    @ExceptionHandler(InvalidScorecardException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidScorecardException ex) {
        return ResponseEntity.badRequest().body(Problems.invalidFields("Målet sparades inte / the goal was not stored",
                ex.errors()));
    }

    @ExceptionHandler(InvalidStatisticsFilterException.class)
    ResponseEntity<ProblemDetail> unknownUnit(InvalidStatisticsFilterException ex) {
        return ResponseEntity.badRequest().body(ex.problem());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Enheten är inte din / not your unit",
                "Chefer ser sina enheters styrkort; processägare och kvalitetsgruppen ser alla enheter."));
    }
}
