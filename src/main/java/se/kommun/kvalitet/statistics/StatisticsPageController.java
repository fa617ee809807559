package se.kommun.kvalitet.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * The managers' statistics page {@code /statistik} (Swedish, English with {@code ?lang=en}): filters, the Kolada
 * comparison of the mapped KPIs, the figures and the months as tables (which
 * work without JavaScript), a chart drawn from the same figures with the echarts webjar, and the CSV link.
 */
@Controller
class StatisticsPageController {

    private final StatisticsQuery query;
    private final StatisticsAccess access;
    private final StatisticsFilters filters;
    private final Organisation organisation;
    private final Kolada kolada;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    StatisticsPageController(StatisticsQuery query, StatisticsAccess access, StatisticsFilters filters,
            Organisation organisation, Kolada kolada, MessageSource messages, ObjectMapper json, Clock clock) {
        this.query = query;
        this.access = access;
        this.filters = filters;
        this.organisation = organisation;
        this.kolada = kolada;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/statistik")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String type,
            @RequestParam(required = false) String category, Authentication authentication, Locale locale,
            Model model) throws JsonProcessingException {
        LocalDate today = LocalDate.now(clock);
        StatisticsFilter filter;
        try {
            StatisticsFilter parsed = filters.parse(
                    StatisticsFilters.blankToNull(from) == null ? today.withDayOfYear(1).toString() : from,
                    StatisticsFilters.blankToNull(to) == null ? today.toString() : to, List.of(), type, category);
            filter = new StatisticsFilter(parsed.from(), parsed.to(),
                    access.units(authentication, StatisticsFilters.blankToNull(unit)), parsed.type(),
                    parsed.category());
        } catch (InvalidStatisticsFilterException e) {
            model.addAttribute("filterError", e.getMessage());
            filter = new StatisticsFilter(today.withDayOfYear(1), today, access.units(authentication, null), null,
                    null);
        }
        Figures figures = query.figures(filter);
        List<String> readable = access.units(authentication, null);
        model.addAttribute("figures", figures);
        model.addAttribute("figuresJson", json.writeValueAsString(figures.byMonth()));
        model.addAttribute("chartLabels", json.writeValueAsString(Stream.of("statistik.received", "statistik.closed",
                "statistik.escalations").map(key -> messages.getMessage(key, null, locale)).toList()));
        model.addAttribute("kolada", kolada.comparisons(figures, filter.to().getYear(), locale));
        model.addAttribute("filter", filter);
        model.addAttribute("unit", StatisticsFilters.blankToNull(unit) == null ? "" : unit);
        model.addAttribute("units", organisation.units().stream()
                .filter(u -> readable.isEmpty() || readable.contains(u.id())).toList());
        model.addAttribute("types", StatisticsFilters.TYPES.stream().sorted().toList());
        model.addAttribute("csvQuery", "from=" + filter.from() + "&to=" + filter.to()
                + (StatisticsFilters.blankToNull(unit) == null ? "" : "&unit=" + unit)
                + (filter.type() == null ? "" : "&type=" + filter.type())
                + (filter.category() == null ? "" : "&category=" + filter.category()));
        return "statistics/page";
    }
}
