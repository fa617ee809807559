package se.kommun.kvalitet.cases.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import se.kommun.kvalitet.cases.FaultReports;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * The public read model of fault reports, in one query for up to a thousand at once (no entity graph). It
 * selects no column with personal data or officers' notes, so none can leak into an answer.
 */
@Service
public class PublicCaseViews {

    private static final String SELECT = """
            select c.reference, c.category, c.closed_at, c.feedback, c.linked_reference, c.forwarded_to,
                   c.candidate_group, c.received_at, c.due_date, c.address, c.latitude, c.longitude, c.media_url,
                   (select max(e.occurred_at) from app.case_event e where e.case_id = c.id) as updated_at
            from app.citizen_case c
            where c.type = 'FAULT_REPORT'
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Organisation organisation;
    private final LocalTime dueTime;

    PublicCaseViews(NamedParameterJdbcTemplate jdbc, Organisation organisation,
            @Value("${kvalitet.sla-calendar.due-time:16:00}") LocalTime dueTime) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.dueTime = dueTime;
    }

    public Optional<FaultReports.PublicStatus> faultReport(String reference) {
        return jdbc.query(SELECT + " and c.reference = :reference", new MapSqlParameterSource("reference", reference),
                (rs, row) -> status(rs)).stream().findFirst();
    }

    public List<FaultReports.PublicStatus> faultReports(FaultReports.Query query) {
        StringBuilder sql = new StringBuilder(SELECT);
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (!query.references().isEmpty()) {
            conditions.add("c.reference in (:references)");
            parameters.addValue("references", query.references());
        }
        if (!query.categories().isEmpty()) {
            conditions.add("c.category in (:categories)");
            parameters.addValue("categories", query.categories());
        }
        if (query.receivedFrom() != null) {
            conditions.add("c.received_at >= :from");
            parameters.addValue("from", Timestamp.from(query.receivedFrom()));
        }
        if (query.receivedTo() != null) {
            conditions.add("c.received_at <= :to");
            parameters.addValue("to", Timestamp.from(query.receivedTo()));
        }
        if (query.open() != null) {
            conditions.add(query.open() ? "c.closed_at is null" : "c.closed_at is not null");
        }
        conditions.forEach(condition -> sql.append(" and ").append(condition));
        sql.append(" order by c.received_at desc, c.id desc limit :limit");
        parameters.addValue("limit", query.limit());
        return jdbc.query(sql.toString(), parameters, (rs, row) -> status(rs));
    }

    private FaultReports.PublicStatus status(ResultSet rs) throws SQLException {
        boolean open = rs.getTimestamp("closed_at") == null;
        String group = rs.getString("candidate_group");
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        Timestamp updated = rs.getTimestamp("updated_at");
        return new FaultReports.PublicStatus(rs.getString("reference"), rs.getString("category"), open,
                open ? null : rs.getString("feedback"), rs.getString("linked_reference"),
                rs.getString("forwarded_to"),
                group == null ? null : organisation.unitOf(group).map(Organisation.Unit::name).orElse(null),
                rs.getTimestamp("received_at").toInstant(), updated == null ? null : updated.toInstant(),
                due == null ? null : ZonedDateTime.of(due, dueTime, ClockConfiguration.MUNICIPAL_ZONE).toInstant(),
                rs.getString("address"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                rs.getString("media_url"));
    }
}
