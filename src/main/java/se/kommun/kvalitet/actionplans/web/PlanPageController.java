package se.kommun.kvalitet.actionplans.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlanNotFoundException;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.InvalidActionPlanException;
import se.kommun.kvalitet.actionplans.ProposedMeasure;

/**
 * The author's page behind the personal link: public, but without a valid link it answers 404 and shows nothing,
 * not even whether the plan exists. Form fields per deficiency {@code n}: {@code measure_n}, {@code responsible_n},
 * {@code dueOn_n}.
 */
@Controller
class PlanPageController {

    private final ActionPlans plans;

    PlanPageController(ActionPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/handlingsplan/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String token, Model model,
            HttpServletResponse response) {
        ActionPlan plan = plans.openWithLink(id, token).orElseThrow(() -> new ActionPlanNotFoundException(id));
        // The token is in the address: keep it out of Referer headers to other sites.
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("plan", plan);
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        model.addAttribute("values", Map.of());
        return plan.status().awaitsAuthor() ? "actionplans/plan" : "actionplans/received";
    }

    @PostMapping("/handlingsplan/{id}")
    String submit(@PathVariable long id, @RequestParam(required = false) String token,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        ActionPlan plan = plans.openWithLink(id, token).orElseThrow(() -> new ActionPlanNotFoundException(id));
        response.setHeader("Referrer-Policy", "no-referrer");
        List<ProposedMeasure> measures = new ArrayList<>();
        for (ActionPlan.Measure measure : plan.measures()) {
            int n = measure.position();
            measures.add(new ProposedMeasure(n, form.get("measure_" + n), form.get("responsible_" + n),
                    date(form.get("dueOn_" + n))));
        }
        try {
            plans.submit(id, token, measures);
        } catch (InvalidActionPlanException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("plan", plan);
            model.addAttribute("token", token);
            model.addAttribute("errors", refused.errors());
            model.addAttribute("values", form);
            return plan.status().awaitsAuthor() ? "actionplans/plan" : "actionplans/received";
        }
        model.addAttribute("plan", plans.require(id));
        return "actionplans/received";
    }

    @ExceptionHandler(ActionPlanNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "actionplans/not-found";
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
