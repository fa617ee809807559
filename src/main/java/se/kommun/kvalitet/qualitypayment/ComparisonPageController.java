package se.kommun.kvalitet.qualitypayment;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /jamfor}, public and without JavaScript: an area's providers side by side on the published indicators of
 * a decided period, sortable by an indicator through plain links ({@code ?sortera=CONTINUITY}).
 */
@Controller
class ComparisonPageController {

    private final PublicComparison comparison;

    ComparisonPageController(PublicComparison comparison) {
        this.comparison = comparison;
    }

    @GetMapping("/jamfor")
    String page(@RequestParam(name = "omrade", required = false) String area,
            @RequestParam(required = false) String period, @RequestParam(name = "sortera", required = false) String sort,
            Locale locale, Model model) {
        model.addAttribute("comparison", comparison.compare(area, period, sort, locale));
        return "qualitypayment/jamfor";
    }
}
