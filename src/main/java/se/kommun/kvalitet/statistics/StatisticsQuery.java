package se.kommun.kvalitet.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * Computes {@link Figures} in SQL over the V14 views (ADR 0016). A case counts as received in the month of its
 * received date and as closed in the month it was closed (Swedish dates); lead time is the working days in
 * (received, closed] by the one calendar ({@link WorkingDayTable}).
 */
@Component
class StatisticsQuery {

    /** The cases of the filter with their working-day ordinals; every query below starts here. */
    private static final String CASES = """
            with c as (
                select sc.*, wc.ordinal - wr.ordinal as lead_time
                from app.statistics_case sc
                left join app.statistics_working_day wr on wr.day = sc.received_on
                left join app.statistics_working_day wc on wc.day = sc.closed_on
                where (:allUnits or sc.candidate_group in (:groups))
                  and (cast(:type as varchar) is null or sc.type = cast(:type as varchar))
                  and (cast(:category as varchar) is null or sc.category = cast(:category as varchar))
            )
            """;

    private static final String CLOSED_IN_PERIOD = "c.status = 'CLOSED' and c.closed_at >= :start and c.closed_at < :end";
    private static final String RECEIVED_IN_PERIOD = "c.received_at >= :start and c.received_at < :end";

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingDayTable workingDays;
    private final Organisation organisation;
    private final Clock clock;

    StatisticsQuery(NamedParameterJdbcTemplate jdbc, WorkingDayTable workingDays, Organisation organisation,
            Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures figures(StatisticsFilter filter) {
        LocalDate today = LocalDate.now(clock);
        workingDays.ensureCovers(filter.to().isAfter(today) ? filter.to() : today);
        MapSqlParameterSource p = parameters(filter, today);

        Map<String, Object> totals = jdbc.queryForMap(CASES + """
                select
                  count(*) filter (where %1$s) as received,
                  count(*) filter (where %2$s) as closed,
                  count(*) filter (where %1$s and c.anonymous) as anonymous,
                  count(*) filter (where %1$s and c.forwarded) as forwarded,
                  count(*) filter (where %2$s and c.due_date is not null) as closed_with_due_date,
                  count(*) filter (where %2$s and c.closed_on <= c.due_date) as closed_within_sla,
                  count(*) filter (where %1$s and c.type = 'QUESTION' and c.channel = 'EMAIL') as questions_by_email,
                  count(*) filter (where %1$s and c.type = 'QUESTION' and c.channel = 'EMAIL' and c.status = 'CLOSED'
                                   and c.lead_time <= 2) as questions_within_2,
                  percentile_cont(0.5) within group (order by c.lead_time) filter (where %2$s) as median_lead_time,
                  percentile_cont(0.9) within group (order by c.lead_time) filter (where %2$s) as p90_lead_time
                from c
                where (%1$s) or (%2$s)""".formatted(RECEIVED_IN_PERIOD, CLOSED_IN_PERIOD), p);

        Map<String, Object> now = jdbc.queryForMap(CASES + """
                select count(*) as open_now, count(*) filter (where c.due_date < :today) as overdue_now
                from c where c.closed_at is null and c.status not in ('CLOSED', 'LINKED')""", p);

        Map<String, Object> events = jdbc.queryForMap(CASES + """
                select count(*) filter (where e.kind = 'REMINDED') as reminders,
                       count(*) filter (where e.kind <> 'REMINDED') as escalations
                from c join app.statistics_case_event e on e.case_id = c.id
                where e.occurred_at >= :start and e.occurred_at < :end""", p);

        List<Figures.RootCauseCount> rootCauses = jdbc.query(CASES + """
                select c.root_cause, count(*) as n from c
                where %s and c.root_cause is not null
                group by c.root_cause order by n desc, c.root_cause limit 5""".formatted(CLOSED_IN_PERIOD), p,
                (rs, row) -> new Figures.RootCauseCount(rs.getString("root_cause"), rs.getLong("n")));

        return new Figures(count(totals, "received"), count(totals, "closed"), count(totals, "anonymous"),
                count(totals, "forwarded"), count(totals, "closed_with_due_date"),
                share(count(totals, "closed_within_sla"), count(totals, "closed_with_due_date")),
                count(totals, "questions_by_email"),
                share(count(totals, "questions_within_2"), count(totals, "questions_by_email")),
                decimal(totals, "median_lead_time"), decimal(totals, "p90_lead_time"),
                count(now, "open_now"), count(now, "overdue_now"), count(events, "reminders"),
                count(events, "escalations"), rootCauses, byMonth(filter, p), deviations(filter, p), surveys(p));
    }

    private List<Figures.Month> byMonth(StatisticsFilter filter, MapSqlParameterSource p) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Double[]> decimals = new TreeMap<>();
        for (YearMonth month = YearMonth.from(filter.from()); !month.isAfter(YearMonth.from(filter.to()));
                month = month.plusMonths(1)) {
            counts.put(month.toString(), new long[5]);
            decimals.put(month.toString(), new Double[2]);
        }
        jdbc.query(CASES + """
                select to_char(c.received_on, 'YYYY-MM') as month, count(*) as n from c
                where %s group by 1""".formatted(RECEIVED_IN_PERIOD), p,
                (ResultSet rs) -> {
                    counts.get(rs.getString("month"))[0] = rs.getLong("n");
                });
        jdbc.query(CASES + """
                select to_char(c.closed_on, 'YYYY-MM') as month, count(*) as n,
                       count(*) filter (where c.due_date is not null) as with_due_date,
                       count(*) filter (where c.closed_on <= c.due_date) as within_sla,
                       percentile_cont(0.5) within group (order by c.lead_time) as median_lead_time
                from c where %s group by 1""".formatted(CLOSED_IN_PERIOD), p,
                (ResultSet rs) -> {
                    long[] month = counts.get(rs.getString("month"));
                    month[1] = rs.getLong("n");
                    month[2] = rs.getLong("with_due_date");
                    decimals.get(rs.getString("month"))[0] = share(rs.getLong("within_sla"), month[2]);
                    decimals.get(rs.getString("month"))[1] = decimal(rs, "median_lead_time");
                });
        jdbc.query(CASES + """
                select to_char(e.occurred_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month,
                       count(*) filter (where e.kind = 'REMINDED') as reminders,
                       count(*) filter (where e.kind <> 'REMINDED') as escalations
                from c join app.statistics_case_event e on e.case_id = c.id
                where e.occurred_at >= :start and e.occurred_at < :end group by 1""", p,
                (ResultSet rs) -> {
                    counts.get(rs.getString("month"))[3] = rs.getLong("reminders");
                    counts.get(rs.getString("month"))[4] = rs.getLong("escalations");
                });
        return counts.entrySet().stream().map(entry -> {
            long[] n = entry.getValue();
            Double[] d = decimals.get(entry.getKey());
            return new Figures.Month(entry.getKey(), n[0], n[1], n[2], d[0], d[1], n[3], n[4]);
        }).toList();
    }

    private Figures.Deviations deviations(StatisticsFilter filter, MapSqlParameterSource p) {
        Map<String, Long> byRisk = new LinkedHashMap<>();
        jdbc.query("""
                select coalesce(d.risk_level, 'NOT_ASSESSED') as risk, count(*) as n
                from app.statistics_deviation d
                where d.reported_at >= :start and d.reported_at < :end and (:allUnits or d.unit in (:unitIds))
                group by 1 order by 1""", p,
                (ResultSet rs) -> {
                    byRisk.put(rs.getString("risk"), rs.getLong("n"));
                });
        Map<String, Object> reports = jdbc.queryForMap("""
                select count(*) filter (where r.track = 'LEX_SARAH') as lex_sarah,
                       count(*) filter (where r.track = 'LEX_MARIA') as lex_maria
                from app.statistics_ivo_report r
                where r.sent_on >= :from and r.sent_on <= :to and (:allUnits or r.unit in (:unitIds))""", p);
        return new Figures.Deviations(byRisk.values().stream().mapToLong(Long::longValue).sum(), byRisk,
                count(reports, "lex_sarah"), count(reports, "lex_maria"));
    }

    private Figures.Surveys surveys(MapSqlParameterSource p) {
        Map<String, Object> row = jdbc.queryForMap("""
                select count(*) as answers, count(*) filter (where s.satisfied) as satisfied
                from app.statistics_survey s
                where s.answered_at >= :start and s.answered_at < :end
                  and (:allUnits or s.candidate_group in (:groups))
                  and (cast(:category as varchar) is null or s.category = cast(:category as varchar))""", p);
        return new Figures.Surveys(count(row, "answers"), share(count(row, "satisfied"), count(row, "answers")));
    }

    private MapSqlParameterSource parameters(StatisticsFilter filter, LocalDate today) {
        // An empty IN list is not SQL: with all units the list is ignored, so any placeholder does.
        List<String> unitIds = filter.allUnits() ? List.of("") : filter.unitIds();
        List<String> groups = unitIds.stream()
                .map(id -> organisation.unit(id).map(Organisation.Unit::officerGroup).orElse("")).toList();
        return new MapSqlParameterSource()
                .addValue("allUnits", filter.allUnits())
                .addValue("unitIds", unitIds)
                .addValue("groups", groups)
                .addValue("type", filter.type())
                .addValue("category", filter.category())
                .addValue("from", Date.valueOf(filter.from()))
                .addValue("to", Date.valueOf(filter.to()))
                .addValue("start", Timestamp.from(filter.from().atStartOfDay(ClockConfiguration.MUNICIPAL_ZONE)
                        .toInstant()))
                .addValue("end", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ClockConfiguration.MUNICIPAL_ZONE)
                        .toInstant()))
                .addValue("today", Date.valueOf(today));
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static Double decimal(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
