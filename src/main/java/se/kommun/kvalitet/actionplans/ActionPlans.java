package se.kommun.kvalitet.actionplans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.actionplans.link.PlanLinks;
import se.kommun.kvalitet.actionplans.store.ActionPlanRepository;

/**
 * The action-plan mechanism: request a plan for a list of deficiencies, give its author a personal link, take the
 * plan in from that link, review it (approve or send back), and verify its measures at the follow-up date. The
 * owner's process decides when each step happens; this service keeps the plan and its rules.
 */
@Service
public class ActionPlans {

    private final ActionPlanRepository repository;
    private final PlanLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicBaseUrl;
    private final Period linkValidAfterDeadline;

    ActionPlans(ActionPlanRepository repository, PlanLinks links, ApplicationEventPublisher events, Clock clock,
            @Value("${kvalitet.public-base-url}") String publicBaseUrl,
            @Value("${kvalitet.action-plans.link-valid-after-deadline}") Period linkValidAfterDeadline) {
        if (linkValidAfterDeadline.isNegative()) {
            throw new IllegalArgumentException("kvalitet.action-plans.link-valid-after-deadline must not be negative");
        }
        this.repository = repository;
        this.links = links;
        this.events = events;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.linkValidAfterDeadline = linkValidAfterDeadline;
    }

    /** A new plan, waiting for its author, one measure to come per deficiency. */
    @Transactional
    public long request(OwnerReference owner, List<Deficiency> deficiencies, LocalDate deadline) {
        if (deficiencies.isEmpty()) {
            throw new IllegalArgumentException("An action plan answers at least one deficiency");
        }
        return repository.insert(owner, Objects.requireNonNull(deadline), clock.instant(), deficiencies);
    }

    /**
     * The author's personal link; it works until the end of the deadline's day plus
     * {@code kvalitet.action-plans.link-valid-after-deadline} (a late plan is still welcome while the owner escalates).
     */
    public String link(long planId) {
        ActionPlan plan = require(planId);
        Instant expires = plan.deadline().plus(linkValidAfterDeadline).plusDays(1).atStartOfDay(clock.getZone())
                .toInstant();
        return publicBaseUrl + "/handlingsplan/" + planId + "?token=" + links.tokenFor(planId, expires);
    }

    public Optional<ActionPlan> find(long planId) {
        return repository.find(planId);
    }

    public ActionPlan require(long planId) {
        return find(planId).orElseThrow(() -> new ActionPlanNotFoundException(planId));
    }

    public List<ActionPlan> forOwner(OwnerReference owner) {
        return repository.forOwner(owner);
    }

    /** The plan behind a personal link, or nothing at all for an expired, forged or foreign link. */
    public Optional<ActionPlan> openWithLink(long planId, String token) {
        return links.valid(planId, token) ? find(planId) : Optional.empty();
    }

    /**
     * Takes the plan in from its link: a measure for every deficiency, each with a responsible person and a date
     * from today on. Refused as a whole, naming each field, or stored and announced ({@link ActionPlanSubmitted}).
     */
    @Transactional
    public void submit(long planId, String token, List<ProposedMeasure> measures) {
        if (!links.valid(planId, token)) {
            throw new ActionPlanNotFoundException(planId);
        }
        ActionPlan plan = repository.findForUpdate(planId).orElseThrow(() -> new ActionPlanNotFoundException(planId));
        if (!plan.status().awaitsAuthor()) {
            throw new InvalidActionPlanException(Map.of("plan",
                    "Handlingsplanen är redan inlämnad / the plan has already been submitted"));
        }
        Map<Integer, ProposedMeasure> byPosition = measures.stream()
                .collect(Collectors.toMap(ProposedMeasure::position, Function.identity(), (a, b) -> b));
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ActionPlan.Measure wanted : plan.measures()) {
            String field = "measures[" + wanted.position() + "]";
            ProposedMeasure given = byPosition.get(wanted.position());
            if (given == null || blank(given.measure())) {
                errors.put(field + ".measure", "Beskriv åtgärden / describe the measure");
            } else if (given.measure().length() > 5000) {
                errors.put(field + ".measure", "Högst 5000 tecken / at most 5000 characters");
            }
            if (given == null || blank(given.responsible())) {
                errors.put(field + ".responsible", "Ange ansvarig person / name the person responsible");
            } else if (given.responsible().length() > 200) {
                errors.put(field + ".responsible", "Högst 200 tecken / at most 200 characters");
            }
            if (given == null || given.dueOn() == null) {
                errors.put(field + ".dueOn", "Ange datum (ÅÅÅÅ-MM-DD) / give a date (YYYY-MM-DD)");
            } else if (given.dueOn().isBefore(today)) {
                errors.put(field + ".dueOn", "Datumet har redan passerat / the date is in the past");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidActionPlanException(errors);
        }
        repository.recordSubmission(planId, plan.measures().stream().map(m -> byPosition.get(m.position())).toList(),
                clock.instant());
        events.publishEvent(new ActionPlanSubmitted(planId, plan.owner()));
    }

    /** Approved: its measures are checked on the latest of their dates, which is returned. */
    @Transactional
    public LocalDate approve(long planId, String reviewedBy) {
        ActionPlan plan = requireStatus(planId, ActionPlanStatus.SUBMITTED);
        LocalDate followUpOn = plan.measures().stream().map(ActionPlan.Measure::dueOn)
                .max(Comparator.naturalOrder()).orElseThrow();
        repository.recordReview(planId, ActionPlanStatus.APPROVED, null, reviewedBy, clock.instant(), followUpOn);
        return followUpOn;
    }

    /** Sent back with the reviewer's comments; the author revises it through the same kind of link. */
    @Transactional
    public void sendBack(long planId, String comments, String reviewedBy) {
        requireStatus(planId, ActionPlanStatus.SUBMITTED);
        if (blank(comments)) {
            throw new InvalidActionPlanException(Map.of("reviewComments",
                    "Skriv vad som ska kompletteras / say what must be revised"));
        }
        repository.recordReview(planId, ActionPlanStatus.SENT_BACK, comments.strip(), reviewedBy, clock.instant(), null);
    }

    /** A new deadline for the author (a revision round). */
    @Transactional
    public void renewDeadline(long planId, LocalDate deadline) {
        require(planId);
        repository.renewDeadline(planId, deadline);
    }

    /** A new follow-up date after measures were found not remedied and a new deadline given. */
    @Transactional
    public void postponeFollowUp(long planId, LocalDate followUpOn) {
        require(planId);
        repository.postponeFollowUp(planId, followUpOn);
    }

    /**
     * Each measure checked on its own: a verdict (remedied or not) for every measure of the plan, by position.
     * Refused as a whole, naming each measure without a verdict; returns whether every measure is remedied.
     */
    @Transactional
    public boolean verify(long planId, Map<Integer, Boolean> remediedByPosition, String verifiedBy) {
        ActionPlan plan = require(planId);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ActionPlan.Measure measure : plan.measures()) {
            if (remediedByPosition.get(measure.position()) == null) {
                errors.put("measures[" + measure.position() + "].remedied",
                        "Ange om åtgärden är genomförd och bristen avhjälpt / say whether the deficiency is remedied");
            }
        }
        remediedByPosition.keySet().stream()
                .filter(position -> plan.measures().stream().noneMatch(m -> m.position() == position))
                .forEach(position -> errors.put("measures[" + position + "]",
                        "Planen har ingen sådan åtgärd / the plan has no such measure"));
        if (!errors.isEmpty()) {
            throw new InvalidActionPlanException(errors);
        }
        repository.recordVerification(planId, remediedByPosition, verifiedBy, clock.instant());
        return remediedByPosition.values().stream().allMatch(Boolean::booleanValue);
    }

    private ActionPlan requireStatus(long planId, ActionPlanStatus status) {
        ActionPlan plan = require(planId);
        if (plan.status() != status) {
            throw new IllegalStateException("Action plan " + planId + " is " + plan.status() + ", not " + status);
        }
        return plan;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
