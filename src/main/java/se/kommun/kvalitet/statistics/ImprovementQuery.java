package se.kommun.kvalitet.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * The improvement view: the root causes named on closing and the categories of received cases, each with its count
 * per month of the period (most frequent first), so a unit sees what recurs; and the cases behind each, listed only
 * for the units whose cases the reader may read (the unit's managers, process owners, administrators), without
 * free text or personal data (the V17 view {@code statistics_improvement_case}).
 */
@Component
class ImprovementQuery {

    /** The most frequent root causes and categories shown, and the latest cases listed behind each. */
    static final int TOP = 10;
    static final int CASES_PER_ROW = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final Organisation organisation;

    ImprovementQuery(NamedParameterJdbcTemplate jdbc, Organisation organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Improvement(LocalDate from, LocalDate to, List<String> months, List<Recurring> rootCauses,
            List<Recurring> categories) {
    }

    /**
     * A root cause or category: its total, its count per month (as {@code months}), how many of its cases the reader
     * may open and the latest of those.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Recurring(String code, long total, List<Long> byMonth, long readableCases, List<CaseRef> cases) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CaseRef(String reference, String type, String category, String rootCause, String unit,
            LocalDate receivedOn, LocalDate closedOn) {
    }

    /** {@code readableUnits}: the units whose cases the reader may see (empty: none). */
    @Transactional(readOnly = true)
    Improvement of(StatisticsFilter filter, Set<String> readableUnits) {
        List<String> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(filter.from()); !month.isAfter(YearMonth.from(filter.to()));
                month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        List<String> unitIds = filter.allUnits() ? List.of("") : filter.unitIds();
        List<String> readableGroups = readableUnits.isEmpty() ? List.of("")
                : readableUnits.stream().map(id -> organisation.unit(id).map(Organisation.Unit::officerGroup)
                        .orElse("")).toList();
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("allUnits", filter.allUnits())
                .addValue("groups", unitIds.stream().map(id -> organisation.unit(id)
                        .map(Organisation.Unit::officerGroup).orElse("")).toList())
                .addValue("readable", readableGroups)
                .addValue("type", filter.type())
                .addValue("category", filter.category())
                .addValue("start", Timestamp.from(filter.from().atStartOfDay(ClockConfiguration.MUNICIPAL_ZONE)
                        .toInstant()))
                .addValue("end", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ClockConfiguration.MUNICIPAL_ZONE)
                        .toInstant()))
                .addValue("from", Date.valueOf(filter.from()))
                .addValue("to", Date.valueOf(filter.to()));
        return new Improvement(filter.from(), filter.to(), months,
                recurring("root_cause", "closed_on", "c.status = 'CLOSED' and c.root_cause is not null", months, p),
                recurring("category", "received_on", "true", months, p));
    }

    /** Counts {@code column} per month of {@code dateColumn} within the period, for the cases matching {@code where}. */
    private List<Recurring> recurring(String column, String dateColumn, String where, List<String> months,
            MapSqlParameterSource p) {
        String cases = """
                from app.statistics_improvement_case c
                where c.%2$s >= :from and c.%2$s <= :to and %3$s
                  and (:allUnits or c.candidate_group in (:groups))
                  and (cast(:type as varchar) is null or c.type = cast(:type as varchar))
                  and (cast(:category as varchar) is null or c.category = cast(:category as varchar))
                """.formatted(column, dateColumn, where);
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.query("""
                select c.%1$s as code, to_char(c.%2$s, 'YYYY-MM') as month, count(*) as n,
                       sum(count(*)) over (partition by c.%1$s) as total
                %3$s
                group by 1, 2 order by total desc, code, month""".formatted(column, dateColumn, cases), p,
                (java.sql.ResultSet rs) -> {
                    String code = rs.getString("code");
                    if (counts.size() < TOP || counts.containsKey(code)) {
                        counts.computeIfAbsent(code, c -> new long[months.size()])[months.indexOf(
                                rs.getString("month"))] = rs.getLong("n");
                    }
                });
        List<Recurring> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            MapSqlParameterSource q = new MapSqlParameterSource(p.getValues()).addValue("code", entry.getKey());
            String readable = cases + " and c.%s = :code and c.candidate_group in (:readable)".formatted(column);
            Long readableCount = jdbc.queryForObject("select count(*) " + readable, q, Long.class);
            List<CaseRef> refs = jdbc.query("""
                    select c.reference, c.type, c.category, c.root_cause, c.candidate_group, c.received_on,
                           c.closed_on
                    %s order by c.%s desc, c.reference limit %d""".formatted(readable, dateColumn, CASES_PER_ROW), q,
                    (rs, row) -> new CaseRef(rs.getString("reference"), rs.getString("type"),
                            rs.getString("category"), rs.getString("root_cause"),
                            unitOf(rs.getString("candidate_group")), rs.getObject("received_on", LocalDate.class),
                            rs.getObject("closed_on", LocalDate.class)));
            long[] byMonth = entry.getValue();
            rows.add(new Recurring(entry.getKey(), java.util.Arrays.stream(byMonth).sum(),
                    java.util.Arrays.stream(byMonth).boxed().toList(), readableCount == null ? 0 : readableCount,
                    refs));
        }
        return rows;
    }

    private String unitOf(String officerGroup) {
        return organisation.units().stream().filter(u -> u.officerGroup().equals(officerGroup))
                .map(Organisation.Unit::id).findFirst().orElse(officerGroup);
    }
}
