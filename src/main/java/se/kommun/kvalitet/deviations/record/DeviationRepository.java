package se.kommun.kvalitet.deviations.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code app.deviation} and its IVO reports, in plain SQL: each step of the process writes its own columns, so the
 * statements say exactly what a step changes.
 */
@Repository
public class DeviationRepository {

    private final JdbcTemplate jdbc;

    DeviationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row's data; status starts as {@link DeviationStatus#REPORTED}. */
    public record NewRow(String reference, Area area, String unit, String managerGroup, Instant occurredAt,
            Instant reportedAt, String reportedBy, String place, String description, String immediateMeasures,
            String affectedPersonRef) {
    }

    public void insert(NewRow row) {
        jdbc.update("""
                insert into app.deviation (reference, area, unit, manager_group, occurred_at, reported_at, reported_by,
                    place, description, immediate_measures, affected_person_ref, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.reference(), row.area().name(), row.unit(),
                row.managerGroup(), Timestamp.from(row.occurredAt()), Timestamp.from(row.reportedAt()),
                row.reportedBy(), row.place(), row.description(), row.immediateMeasures(), row.affectedPersonRef(),
                DeviationStatus.REPORTED.name());
    }

    public Optional<Deviation> find(String reference) {
        return jdbc.query("select * from app.deviation where reference = ?", DeviationRepository::map, reference)
                .stream().findFirst();
    }

    public Deviation require(String reference) {
        return find(reference).orElseThrow(() -> new DeviationNotFoundException(reference));
    }

    public void recordRiskAssessment(String reference, int consequence, int likelihood, boolean lexSarah,
            boolean lexMaria, String assessedBy, Instant assessedAt) {
        update(reference, "consequence = ?, likelihood = ?, lex_sarah = ?, lex_maria = ?, assessed_by = ?, "
                + "assessed_at = ?", consequence, likelihood, lexSarah, lexMaria, assessedBy, Timestamp.from(assessedAt));
    }

    public void recordRiskLevel(String reference, String riskLevel) {
        update(reference, "risk_level = ?, status = ?", riskLevel, DeviationStatus.RISK_ASSESSED.name());
    }

    public void recordStatus(String reference, DeviationStatus status) {
        update(reference, "status = ?", status.name());
    }

    public void recordLexSarahInvestigation(String reference, String investigation) {
        update(reference, "lex_sarah_investigation = ?", investigation);
    }

    public void recordLexSarahSeriousness(String reference, boolean serious, String reason) {
        update(reference, "lex_sarah_serious = ?, lex_sarah_serious_reason = ?", serious, reason);
    }

    public void recordLexMariaInvestigation(String reference, String investigation) {
        update(reference, "lex_maria_investigation = ?", investigation);
    }

    public void recordMeasures(String reference, String rootCauseCategory, String rootCause, String measures,
            String measureOwner, LocalDate measureDueOn) {
        update(reference, "root_cause_category = ?, root_cause = ?, measures = ?, measure_owner = ?, "
                + "measure_due_on = ?, status = ?", rootCauseCategory, rootCause, measures, measureOwner, measureDueOn,
                DeviationStatus.FOLLOW_UP.name());
    }

    public void recordFollowUp(String reference, boolean effective, String learningSummary) {
        update(reference, "follow_ups = follow_ups + 1, measure_effective = ?, learning_summary = ?, status = ?",
                effective, learningSummary, (effective ? DeviationStatus.FOLLOW_UP : DeviationStatus.MEASURES).name());
    }

    public void close(String reference, Instant closedAt) {
        update(reference, "status = ?, closed_at = ?", DeviationStatus.CLOSED.name(), Timestamp.from(closedAt));
    }

    /** One report per track; a repeated completion (a retried command) replaces it rather than adding a second. */
    public void recordIvoReport(String reference, String track, LocalDate sentOn, String sentBy, String ivoReference,
            String recordedBy, Instant recordedAt) {
        jdbc.update("""
                insert into app.deviation_ivo_report (deviation_id, track, sent_on, sent_by, ivo_reference, recorded_by,
                    recorded_at)
                select id, ?, ?, ?, ?, ?, ? from app.deviation where reference = ?
                on conflict (deviation_id, track) do update set sent_on = excluded.sent_on, sent_by = excluded.sent_by,
                    ivo_reference = excluded.ivo_reference, recorded_by = excluded.recorded_by,
                    recorded_at = excluded.recorded_at""", track, sentOn, sentBy, ivoReference, recordedBy,
                Timestamp.from(recordedAt), reference);
    }

    /** IVO reports of a deviation, as track to IVO's reference. */
    public Map<String, String> ivoReferences(String reference) {
        Map<String, String> references = new TreeMap<>();
        jdbc.query("""
                select r.track, r.ivo_reference from app.deviation_ivo_report r join app.deviation d on d.id = r.deviation_id
                where d.reference = ?""", row -> {
            references.put(row.getString("track"), row.getString("ivo_reference"));
        }, reference);
        return references;
    }

    private void update(String reference, String assignments, Object... values) {
        Object[] arguments = Arrays.copyOf(values, values.length + 1);
        arguments[values.length] = reference;
        if (jdbc.update("update app.deviation set " + assignments + " where reference = ?", arguments) != 1) {
            throw new DeviationNotFoundException(reference);
        }
    }

    private static Deviation map(ResultSet row, int number) throws SQLException {
        return new Deviation(row.getLong("id"), row.getString("reference"), Area.valueOf(row.getString("area")),
                row.getString("unit"), row.getString("manager_group"), instant(row, "occurred_at"),
                instant(row, "reported_at"), row.getString("reported_by"), row.getString("place"),
                row.getString("description"), row.getString("immediate_measures"),
                row.getString("affected_person_ref"), DeviationStatus.valueOf(row.getString("status")),
                row.getObject("consequence", Integer.class), row.getObject("likelihood", Integer.class),
                row.getString("risk_level"), row.getObject("lex_sarah", Boolean.class),
                row.getObject("lex_maria", Boolean.class), row.getString("lex_sarah_investigation"),
                row.getObject("lex_sarah_serious", Boolean.class), row.getString("lex_sarah_serious_reason"),
                row.getString("lex_maria_investigation"), row.getString("root_cause_category"),
                row.getString("root_cause"), row.getString("measures"), row.getString("measure_owner"),
                row.getObject("measure_due_on", LocalDate.class), row.getInt("follow_ups"),
                row.getObject("measure_effective", Boolean.class), row.getString("learning_summary"),
                instant(row, "closed_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
