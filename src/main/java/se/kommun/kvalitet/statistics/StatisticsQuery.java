package se.kommun.kvalitet.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
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

    /** The cases of the filter, whatever their dates. */
    private static final String CASES = """
            with c as (
                select sc.* from app.statistics_case sc
                where (:allUnits or sc.candidate_group in (:groups))
                  and (cast(:type as varchar) is null or sc.type = cast(:type as varchar))
                  and (cast(:category as varchar) is null or sc.category = cast(:category as varchar))
            )
            """;

    /**
     * One pass over the period's cases (received or closed in it), counted per pair of days and the flags the figures
     * need, plus the root causes of the cases closed in it; the working-day lead time is joined to the few thousand
     * pairs, not to every case. Everything else is added up from these rows in Java: five passes took 0.9 s for a year
     * of 205,000 cases (docs/statistik.md, "Performance").
     */
    private static final String DAY_PAIRS = CASES + """
            , flagged as (
                select c.received_on, c.closed_on, c.status = 'CLOSED' as closed,
                       c.due_date is not null as with_due_date, coalesce(c.closed_on <= c.due_date, false) as within_sla,
                       (c.type = 'QUESTION' and c.channel = 'EMAIL') as question_by_email, c.anonymous, c.forwarded,
                       c.root_cause, (c.status = 'CLOSED' and c.closed_on between :from and :to) as closed_in_period
                from c
                where (c.received_at >= :start and c.received_at < :end)
                   or (c.status = 'CLOSED' and c.closed_at >= :start and c.closed_at < :end)
            ), pairs as (
                select received_on, closed_on, closed, with_due_date, within_sla, question_by_email, anonymous,
                       forwarded, root_cause, closed_in_period, grouping(root_cause) = 0 as root_cause_row,
                       count(*) as n
                from flagged
                group by grouping sets (
                    (received_on, closed_on, closed, with_due_date, within_sla, question_by_email, anonymous, forwarded),
                    (root_cause, closed_in_period))
            )
            select p.*, wc.ordinal - wr.ordinal as lead_time
            from pairs p
            left join app.statistics_working_day wr on wr.day = p.received_on
            left join app.statistics_working_day wc on wc.day = p.closed_on
            """;

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

        Tally total = new Tally();
        Map<YearMonth, Tally> months = new TreeMap<>();
        for (YearMonth month = YearMonth.from(filter.from()); !month.isAfter(YearMonth.from(filter.to()));
                month = month.plusMonths(1)) {
            months.put(month, new Tally());
        }
        Map<String, Long> rootCauses = new HashMap<>();
        // Without room for a hash table PostgreSQL sorts the whole period to group it (it cannot foresee how few
        // day pairs there are): 0.3 s more for a year. The table itself takes about 7 MB for 205,000 cases.
        jdbc.getJdbcTemplate().execute("set local work_mem = '32MB'");
        jdbc.query(DAY_PAIRS, p, (ResultSet rs) -> {
            long n = rs.getLong("n");
            if (rs.getBoolean("root_cause_row")) {
                String rootCause = rs.getString("root_cause");
                if (rootCause != null && rs.getBoolean("closed_in_period")) {
                    rootCauses.merge(rootCause, n, Long::sum);
                }
                return;
            }
            LocalDate receivedOn = rs.getObject("received_on", LocalDate.class);
            LocalDate closedOn = rs.getObject("closed_on", LocalDate.class);
            Integer leadTime = rs.getObject("lead_time", Integer.class);
            boolean closed = rs.getBoolean("closed");
            if (filter.includes(receivedOn)) {
                boolean questionByEmail = rs.getBoolean("question_by_email");
                boolean answeredWithin2 = questionByEmail && closed && leadTime != null && leadTime <= 2;
                for (Tally tally : List.of(total, months.get(YearMonth.from(receivedOn)))) {
                    tally.received += n;
                    tally.anonymous += rs.getBoolean("anonymous") ? n : 0;
                    tally.forwarded += rs.getBoolean("forwarded") ? n : 0;
                    tally.questionsByEmail += questionByEmail ? n : 0;
                    tally.questionsWithin2 += answeredWithin2 ? n : 0;
                }
            }
            if (closed && filter.includes(closedOn)) {
                for (Tally tally : List.of(total, months.get(YearMonth.from(closedOn)))) {
                    tally.closed += n;
                    tally.closedWithDueDate += rs.getBoolean("with_due_date") ? n : 0;
                    tally.closedWithinSla += rs.getBoolean("within_sla") ? n : 0;
                    if (leadTime != null) {
                        tally.leadTimes.add(leadTime, n);
                    }
                }
            }
        });

        Map<String, Object> now = jdbc.queryForMap(CASES + """
                select count(*) as open_now, count(*) filter (where c.due_date < :today) as overdue_now
                from c where c.closed_at is null and c.status not in ('CLOSED', 'LINKED')""", p);

        jdbc.query(CASES + """
                select to_char(e.occurred_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month,
                       count(*) filter (where e.kind = 'REMINDED') as reminders,
                       count(*) filter (where e.kind <> 'REMINDED') as escalations
                from c join app.statistics_case_event e on e.case_id = c.id
                where e.occurred_at >= :start and e.occurred_at < :end group by 1""", p,
                (ResultSet rs) -> {
                    long reminders = rs.getLong("reminders");
                    long escalations = rs.getLong("escalations");
                    for (Tally tally : List.of(total, months.get(YearMonth.parse(rs.getString("month"))))) {
                        tally.reminders += reminders;
                        tally.escalations += escalations;
                    }
                });

        List<Figures.RootCauseCount> topRootCauses = rootCauses.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(entry -> new Figures.RootCauseCount(entry.getKey(), entry.getValue())).toList();
        List<Figures.Month> byMonth = months.entrySet().stream().map(entry -> {
            Tally month = entry.getValue();
            return new Figures.Month(entry.getKey().toString(), month.received, month.closed,
                    month.closedWithDueDate, share(month.closedWithinSla, month.closedWithDueDate),
                    month.leadTimes.percentile(0.5), month.reminders, month.escalations);
        }).toList();
        return new Figures(total.received, total.closed, total.anonymous, total.forwarded, total.closedWithDueDate,
                share(total.closedWithinSla, total.closedWithDueDate), total.questionsByEmail,
                share(total.questionsWithin2, total.questionsByEmail), total.leadTimes.percentile(0.5),
                total.leadTimes.percentile(0.9), count(now, "open_now"), count(now, "overdue_now"), total.reminders,
                total.escalations, topRootCauses, byMonth, deviations(filter, p), surveys(p));
    }

    /** The counts of the whole period or of one month of it. */
    private static final class Tally {
        long received;
        long anonymous;
        long forwarded;
        long questionsByEmail;
        long questionsWithin2;
        long closed;
        long closedWithDueDate;
        long closedWithinSla;
        long reminders;
        long escalations;
        final LeadTimeHistogram leadTimes = new LeadTimeHistogram();
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

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
