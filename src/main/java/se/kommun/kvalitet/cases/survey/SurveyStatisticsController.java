package se.kommun.kvalitet.cases.survey;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.shared.ClockConfiguration;
import se.kommun.kvalitet.web.ProblemApi;

/**
 * Nöjdhet per unit and category for a period (answers from {@code from} up to, not including, {@code to}, Swedish
 * dates), for process owners, quality coordinators and managers (security rules).
 */
@RestController
@ProblemApi
class SurveyStatisticsController {

    private final JdbcTemplate jdbc;

    SurveyStatisticsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String unit, String category, long answers, long satisfied, double shareSatisfied,
               long reopeningAsked) {
    }

    @GetMapping("/api/survey-statistics")
    List<Row> statistics(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return jdbc.query("""
                select unit, category, count(*) as answers,
                       count(*) filter (where satisfied) as satisfied,
                       count(*) filter (where reopening_asked) as reopening_asked
                from app.case_survey
                where answered_at >= ? and answered_at < ?
                group by unit, category
                order by unit, category""",
                (rs, row) -> new Row(rs.getString("unit"), rs.getString("category"), rs.getLong("answers"),
                        rs.getLong("satisfied"), (double) rs.getLong("satisfied") / rs.getLong("answers"),
                        rs.getLong("reopening_asked")),
                Timestamp.from(from.atStartOfDay(ClockConfiguration.MUNICIPAL_ZONE).toInstant()),
                Timestamp.from(to.atStartOfDay(ClockConfiguration.MUNICIPAL_ZONE).toInstant()));
    }
}
